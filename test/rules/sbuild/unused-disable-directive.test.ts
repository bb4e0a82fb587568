import { describe, expect, it } from 'vitest';
import { compact, lint, recipe, VALID_RECIPE } from '../../helpers.js';
import { applyFix } from './apply-fix.js';

const enabled = { config: { rules: { 'sbuild/unused-disable-directive': 'error' as const } } };

describe('sbuild/unused-disable-directive', () => {
  it('is off unless enabled', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable-next-line yaml/duplicate-key', 'pkg: "hello"'));
    expect(await lint(text)).toEqual([]);
  });

  it('reports a directive that hid nothing, at the comment, with a fix that removes its line', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable-next-line yaml/duplicate-key -- old', 'pkg: "hello"'));
    const diagnostics = await lint(text, enabled);
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/unused-disable-directive error 3:1-3:55 Unused fim-lint-disable-next-line comment: no 'yaml/duplicate-key' problem was reported where it applies; remove it or correct the rule id",
    ]);
    expect(diagnostics[0]!.fix).toEqual([{ start: 39, end: 94, text: '' }]);
    expect(applyFix(text, diagnostics[0]!)).toBe(VALID_RECIPE);
  });

  it('reports only the unused ids of a directive that hid something, without a fix', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', 'pkg: b  # fim-lint-disable-line yaml/duplicate-key, sbuild/no-such-rule'));
    const diagnostics = await lint(text, enabled);
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/unused-disable-directive error 4:9-4:72 Unused fim-lint-disable-line comment: no 'sbuild/no-such-rule' problem was reported where it applies; remove it or correct the rule id",
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });

  it('removes only the comment when it follows a value', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"  # fim-lint-disable-line'));
    const diagnostics = await lint(text, enabled);
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic!.message).toBe('Unused fim-lint-disable-line comment: no problem was reported where it applies; remove it or correct the rule id');
    expect(diagnostic!.fix).toEqual([{ start: 51, end: 76, text: '' }]);
    expect(applyFix(text, diagnostic!)).toBe(VALID_RECIPE);
  });

  it('says that yaml/syntax cannot be suppressed', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: [a # fim-lint-disable-line yaml/syntax'), { ...enabled, only: 'sbuild/unused-disable-directive' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      "Unused fim-lint-disable-line comment: 'yaml/syntax' (which cannot be suppressed: fix the file instead) was reported where it applies; remove it or correct the rule id",
    ]);
  });

  it('reports an unused disable … enable range, and never a ShellCheck code', async () => {
    // The last field of VALID_RECIPE is x_exec.run: the added last line is a line of its script.
    const text =
      VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable sbuild/shebang', 'pkg: "hello"', '# fim-lint-enable sbuild/shebang')) +
      recipe('    ls $x # fim-lint-disable-line shell/SC2086');
    expect((await lint(text, enabled)).map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['sbuild/unused-disable-directive@3:1']);
  });
});
