import { describe, expect, it } from 'vitest';
import { compact, lint, recipe } from '../../helpers.js';

describe('sbuild/shebang', () => {
  it('warns when the first line is not #!/SBUILD and offers to add it', async () => {
    const diagnostics = await lint(recipe('pkg: a'), { only: 'sbuild/shebang' });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/shebang warning 1:1-1:7 Missing '#!/SBUILD' first line: SBUILD recipes start with '#!/SBUILD ver @v1.0.0'",
    ]);
    expect(diagnostics[0]!.fix).toEqual([{ start: 0, end: 0, text: '#!/SBUILD ver @v1.0.0\n' }]);
  });

  it('names the line where a late shebang stands and offers no fix', async () => {
    const diagnostics = await lint(recipe('##All binaries segfault', '', '#!/SBUILD ver @v1.0.0', 'pkg: a'), { only: 'sbuild/shebang' });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/shebang warning 1:1-1:24 '#!/SBUILD' must be the first line of the recipe, found on line 3",
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });

  it('accepts the bare and the versioned shebang', async () => {
    expect(await lint(recipe('#!/SBUILD', 'pkg: a'), { only: 'sbuild/shebang' })).toEqual([]);
    expect(await lint(recipe('#!/SBUILD ver @v1.0.0    ', 'pkg: a'), { only: 'sbuild/shebang' })).toEqual([]);
  });
});
