import { describe, expect, it } from 'vitest';
import { buildValidated } from '../../src/validated/validated.js';
import { derivePkgId } from '../../src/validated/pkg-id.js';
import { lintWithFixtures } from '../fix/fixture-rules.js';
import { recipe, VALID_RECIPE } from '../helpers.js';

async function validated(text: string): Promise<string> {
  const result = await buildValidated(text);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('derivePkgId', () => {
  it('derives as the reference does: after ://, before ?, / to ., dots trimmed', () => {
    expect(derivePkgId('https://github.com/user/repo')).toBe('github.com.user.repo');
    expect(derivePkgId('https://github.com/user/repo/?tab=readme')).toBe('github.com.user.repo');
    expect(derivePkgId('ftp://ftp.gnu.org/gnu/hello/')).toBe('ftp.gnu.org.gnu.hello');
  });

  it('derives nothing it would reject itself, nor from a URL without :// (where the reference aborts)', () => {
    expect(derivePkgId('https://example.com:8080/x')).toBeUndefined();
    expect(derivePkgId('https://example.com/x#frag')).toBeUndefined();
    expect(derivePkgId('https://example.com/~user')).toBeUndefined();
    expect(derivePkgId('github.com/x')).toBeUndefined();
  });
});

describe('buildValidated', () => {
  it('leaves a recipe that is already in the reference form byte for byte', async () => {
    expect(await validated(VALID_RECIPE)).toBe(VALID_RECIPE);
  });

  it('puts keys in the reference order, moving each with the comments above it and keeping quoting and blank lines', async () => {
    const text = recipe(
      '#!/SBUILD',
      '# header comment',
      'pkg: hello # the name',
      '',
      '# where it comes from',
      'src_url:',
      "  - 'https://github.com/example/hello'",
      '  #- "https://mirror.example/hello"',
      '_disabled: false',
      'description: Says hello',
      'x_exec:',
      '  run: |',
      '    # a script comment',
      '    echo hi',
      '  bsys: "docker://x"',
      '  shell: sh',
      'category: [Utility]',
      'pkg_id: hello.id',
    );
    expect(await validated(text)).toBe(
      recipe(
        '#!/SBUILD',
        '# header comment',
        '_disabled: false',
        'pkg: hello # the name',
        '',
        'pkg_id: hello.id',
        'category: [Utility]',
        'description: Says hello',
        '# where it comes from',
        'src_url:',
        "  - 'https://github.com/example/hello'",
        '  #- "https://mirror.example/hello"',
        'x_exec:',
        '  shell: sh',
        '  bsys: "docker://x"',
        '  run: |',
        '    # a script comment',
        '    echo hi',
      ),
    );
  });

  it('adds pkg_id derived from the first src_url and the Utility category when they are missing, with the file line ends', async () => {
    const text = ['#!/SBUILD', '_disabled: false', 'pkg: a', 'description: d', 'src_url:', '- https://github.com/u/a', '- https://github.com/u/b', 'x_exec:', '  shell: sh', '  run: "true"'].join('\r\n');
    expect(await validated(text)).toBe(
      ['#!/SBUILD', '_disabled: false', 'pkg: a', 'pkg_id: "github.com.u.a"', 'category:', '- "Utility"', 'description: d', 'src_url:', '- https://github.com/u/a', '- https://github.com/u/b', 'x_exec:', '  shell: sh', '  run: "true"'].join('\r\n'),
    );
  });

  it('fills an empty pkg_id or category line, and renames version to pkgver', async () => {
    const text = recipe('#!/SBUILD', '_disabled: false', 'pkg: a', 'pkg_id: ""', 'version: "1.0"', 'category: []', 'src_url:', '  - "https://github.com/u/a"');
    expect(await validated(text)).toBe(
      recipe('#!/SBUILD', '_disabled: false', 'pkg: a', 'pkg_id: "github.com.u.a"', 'pkgver: "1.0"', 'category:', '  - "Utility"', 'src_url:', '  - "https://github.com/u/a"'),
    );
  });

  it('moves a late #!/SBUILD line first, adds a missing one, and drops later YAML documents', async () => {
    expect(await validated(recipe('##All binaries segfault', '', '#!/SBUILD ver @v1.0.0', 'pkg: a', 'category: [X]'))).toBe(
      recipe('#!/SBUILD ver @v1.0.0', '##All binaries segfault', '', 'pkg: a', 'category: [X]'),
    );
    expect(await validated(recipe('pkg: a', 'category: [X]', '---', 'pkg: b'))).toBe(recipe('#!/SBUILD ver @v1.0.0', 'pkg: a', 'category: [X]'));
  });

  it('applies the safe fixes it is given a linter for', async () => {
    const result = await buildValidated(recipe('#!/SBUILD', 'pkg: a', 'pkgver: 1.10', 'category: [X]', 'x_exec:', '  arch: ["X86_64"]'), lintWithFixtures);
    expect(result).toEqual({ ok: true, text: recipe('#!/SBUILD', 'pkg: a', 'pkgver: "1.10"', 'category: [X]', 'x_exec:', '  arch: ["x86_64"]') });
  });

  it('keeps the key order when moving keys would move an alias above its anchor', async () => {
    const text = recipe('#!/SBUILD', 'pkg: a', 'tag: &n ["x"]', 'note: *n', 'category: [X]');
    expect(await validated(text)).toBe(text);
  });

  it('keeps a file without a final newline without one', async () => {
    expect(await validated('#!/SBUILD\ncategory: [X]\npkg: a')).toBe('#!/SBUILD\npkg: a\ncategory: [X]');
  });

  it('writes a flow-style recipe without the additions it cannot take', async () => {
    const text = recipe('#!/SBUILD', '{pkg: a, src_url: ["https://github.com/u/a"]}');
    expect(await validated(text)).toBe(text);
  });

  it('declines a recipe that is not a mapping', async () => {
    expect(await buildValidated('- a\n')).toEqual({ ok: false, reason: 'the recipe is not a YAML mapping' });
  });
});
