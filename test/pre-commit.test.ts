import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
/** Running the hook in a network namespace of its own proves that it needs no network once installed. */
const canIsolateNetwork = spawnSync('unshare', ['--net', 'true']).status === 0;
const git = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

if (!hasPreCommit) console.warn('pre-commit test skipped: the `pre-commit` command is not installed (apt-get install pre-commit)');

/** This working tree as it is now (tracked and new files, without ignored ones), committed in a repository of its own. */
function snapshotRepository(): { path: string; commit: string } {
  const path = mkdtempSync(join(tmpdir(), 'fim-lint-hook-repo-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(path, file)), { recursive: true });
    copyFileSync(join(root, file), join(path, file));
  }
  const env = { ...process.env, ...git };
  execFileSync('git', ['init', '-q'], { cwd: path, env });
  execFileSync('git', ['add', '-A'], { cwd: path, env });
  execFileSync('git', ['commit', '-q', '-m', 'snapshot'], { cwd: path, env });
  return { path, commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: path, encoding: 'utf8' }).trim() };
}

describe.skipIf(!hasPreCommit)('the pre-commit hook', () => {
  it('installs from this repository and, with no network, fails on a bad recipe and passes on a good one', { timeout: 900_000 }, () => {
    const hookRepository = snapshotRepository();
    const user = mkdtempSync(join(tmpdir(), 'fim-lint-hook-user-'));
    const env = { ...process.env, ...git, PRE_COMMIT_HOME: join(user, '.cache'), GITHUB_ACTIONS: '', NO_COLOR: '1' };
    const sh = (command: string, args: string[], isolated = false) => {
      const [file, fullArgs] = isolated && canIsolateNetwork ? ['unshare', ['--net', command, ...args]] : [command, args];
      return spawnSync(file, fullArgs, { cwd: user, env, encoding: 'utf8' });
    };
    sh('git', ['init', '-q']);
    writeFileSync(
      join(user, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepository.path}\n    rev: ${hookRepository.commit}\n    hooks:\n      - id: fim-lint\n`,
    );
    writeFileSync(join(user, 'workflow.yml'), 'name: ci\non: push\n');
    writeFileSync(join(user, 'static.official.stable.yaml'), readFileSync(join(root, 'recipes-examples/hello/static.official.stable.yaml')));
    sh('git', ['add', '-A']);

    const install = sh('pre-commit', ['install-hooks']);
    expect(install.status, install.stdout + install.stderr).toBe(0);

    const good = sh('pre-commit', ['run', '--all-files'], true);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^fim-lint\.+Passed$/m);

    // For the 2025-11 builder, whose linter rejects the broken recipe's repeated top-level key: an error, which fails the hook.
    writeFileSync(join(user, '.fim-lint.yaml'), 'target: "2025-11"\n');
    writeFileSync(join(user, 'broken.yaml'), readFileSync(join(root, 'recipes-examples/broken/static.official.stable.yaml')));
    sh('git', ['add', '-A']);
    const bad = sh('pre-commit', ['run', '--all-files'], true);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^fim-lint\.+Failed$/m);
    expect(bad.stdout).toMatch(/^broken\.yaml\n {2}11:1 {2}error {4}Duplicate key 'pkg'/m);

    // More recipes than one command line holds: pre-commit hands them to the hook in several batches, and the first
    // and the last recipe, which share a pkg_id, land in different ones.
    sh('git', ['rm', '-q', '--cached', 'broken.yaml']);
    writeFileSync(join(user, '.fim-lint.yaml'), 'shellcheck:\n  enabled: false\n');
    mkdirSync(join(user, 'many'));
    const count = 2400;
    for (let index = 0; index < count; index++) {
      const name = `package-with-a-long-descriptive-name-${String(index).padStart(4, '0')}`;
      const pkgId = index === 0 || index === count - 1 ? 'shared.pkg.id' : `example.com.${name}`;
      const recipe = `#!/SBUILD\n_disabled: false\npkg: ${name}\npkg_id: ${pkgId}\ndescription: A package\nsrc_url:\n  - https://example.com/${name}\nx_exec:\n  shell: sh\n  pkgver: echo 1\n  run: echo built\n`;
      writeFileSync(join(user, 'many', `${name}.static.official.stable.yaml`), recipe);
    }
    sh('git', ['add', '-A']);
    const many = sh('pre-commit', ['run', '--all-files', '--verbose'], true);
    const batches = many.stdout.match(/files? checked/g) ?? [];
    expect(batches.length, many.stdout.slice(-2000)).toBeGreaterThan(1);
    expect(many.status).toBe(1);
    // Stylish blocks: the path, then the indented rows of its problems (a batch's output may follow the summary line of
    // the batch before it).
    const blocks = many.stdout.split('\n\n').map((block) => {
      const lines = block.trim().split('\n');
      const firstRow = lines.findIndex((line) => line.startsWith('  '));
      return { path: lines[firstRow - 1], rows: firstRow > 0 ? lines.slice(firstRow).join('\n') : '' };
    });
    const duplicates = blocks.filter(({ rows }) => /\berror\b[^]*sbuild\/duplicate-pkg-id/.test(rows)).map(({ path }) => path);
    expect(duplicates).toEqual([
      'many/package-with-a-long-descriptive-name-0000.static.official.stable.yaml',
      'many/package-with-a-long-descriptive-name-2399.static.official.stable.yaml',
    ]);
  });
});
