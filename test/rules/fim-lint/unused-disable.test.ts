import { describe, expect, it } from 'vitest';
import { compact, lint, recipe } from '../../helpers.js';

const enabled = { config: { rules: { 'fim-lint/unused-disable': 'error' as const } } };

describe('fim-lint/unused-disable', () => {
  it('is off unless enabled', async () => {
    expect(await lint(recipe('#!/SBUILD', '# fim-lint-disable-next-line yaml/duplicate-key', 'pkg: a'))).toEqual([]);
  });

  it('reports a directive that hid nothing, at the comment, with a fix that removes its line', async () => {
    const text = recipe('#!/SBUILD', '# fim-lint-disable-next-line yaml/duplicate-key -- old', 'pkg: a');
    const diagnostics = await lint(text, enabled);
    expect(diagnostics.map(compact)).toEqual([
      "fim-lint/unused-disable error 2:1-2:55 Unused fim-lint-disable-next-line comment: no 'yaml/duplicate-key' problem was reported where it applies; remove it or correct the rule id",
    ]);
    expect(diagnostics[0]!.fix).toEqual([{ start: 10, end: 65, text: '' }]);
  });

  it('reports only the unused ids of a directive that hid something, without a fix', async () => {
    const text = recipe('#!/SBUILD', 'pkg: a', 'pkg: b  # fim-lint-disable-line yaml/duplicate-key, sbuild/no-such-rule');
    const diagnostics = await lint(text, enabled);
    expect(diagnostics.map(compact)).toEqual([
      "fim-lint/unused-disable error 3:9-3:72 Unused fim-lint-disable-line comment: no 'sbuild/no-such-rule' problem was reported where it applies; remove it or correct the rule id",
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });

  it('removes only the comment when it follows a value', async () => {
    const text = recipe('#!/SBUILD', 'pkg: a  # fim-lint-disable-line');
    const [diagnostic] = await lint(text, enabled);
    expect(diagnostic!.message).toBe('Unused fim-lint-disable-line comment: no problem was reported where it applies; remove it or correct the rule id');
    expect(diagnostic!.fix).toEqual([{ start: 16, end: 41, text: '' }]);
  });

  it('says that yaml/syntax cannot be suppressed', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: [a # fim-lint-disable-line yaml/syntax'), { ...enabled, only: 'fim-lint' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      "Unused fim-lint-disable-line comment: 'yaml/syntax' (which cannot be suppressed: fix the file instead) was reported where it applies; remove it or correct the rule id",
    ]);
  });

  it('reports an unused disable … enable range, and never a ShellCheck code', async () => {
    const text = recipe('#!/SBUILD', '# fim-lint-disable sbuild/shebang', 'pkg: a', '# fim-lint-enable sbuild/shebang', 'x_exec:', '  run: |', '    ls $x # fim-lint-disable-line shell/SC2086');
    expect((await lint(text, enabled)).map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['fim-lint/unused-disable@2:1']);
  });
});
