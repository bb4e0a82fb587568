import { describe, expect, it } from 'vitest';
import { compact, lint, recipe, VALID_RECIPE } from '../../helpers.js';

describe('sbuild/disable-directive-reason', () => {
  const text = VALID_RECIPE.replace(
    'pkg: "hello"\n',
    recipe('pkg: "hello"', '# fim-lint-disable-next-line yaml/duplicate-key', 'pkg: b', 'pkg: c # fim-lint-disable-line yaml/duplicate-key -- kept on purpose'),
  );

  it('is off unless enabled', async () => {
    expect(await lint(text)).toEqual([]);
  });

  it('when enabled, reports a directive without a reason; the directive still suppresses', async () => {
    expect((await lint(text, { config: { rules: { 'sbuild/disable-directive-reason': 'error' } } })).map(compact)).toEqual([
      "sbuild/disable-directive-reason error 4:1-4:48 This fim-lint-disable-next-line comment gives no reason: add one after ' -- ', e.g. '# fim-lint-disable-next-line yaml/duplicate-key -- <why>'",
    ]);
  });

  it('takes an empty reason as none', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', 'pkg: b # fim-lint-disable-line yaml/duplicate-key --')), {
      config: { rules: { 'sbuild/disable-directive-reason': 'warn' } },
    });
    expect(diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`)).toEqual(['sbuild/disable-directive-reason warning 4:8']);
  });
});
