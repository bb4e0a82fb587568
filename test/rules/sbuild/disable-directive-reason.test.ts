import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester, VALID_RECIPE } from '../../helpers.js';

const text = VALID_RECIPE.replace(
  'pkg: "hello"\n',
  recipe('pkg: "hello"', '# fim-lint-disable-next-line yaml/duplicate-key', 'pkg: b', 'pkg: c # fim-lint-disable-line yaml/duplicate-key -- kept on purpose'),
);

ruleTester.run('sbuild/disable-directive-reason', {
  valid: [
    { name: 'directives with a reason', code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', 'pkg: b # fim-lint-disable-line yaml/duplicate-key -- kept on purpose')), level: 'error' },
  ],
  invalid: [
    {
      name: 'a directive without a reason, which still suppresses',
      code: text,
      level: 'error',
      errors: [
        "sbuild/disable-directive-reason error 4:1-4:48 This fim-lint-disable-next-line comment gives no reason: add one after ' -- ', e.g. '# fim-lint-disable-next-line yaml/duplicate-key -- <why>'",
      ],
      output: null,
    },
    {
      name: 'an empty reason is none',
      code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', 'pkg: b # fim-lint-disable-line yaml/duplicate-key --')),
      level: 'warn',
      errors: [{ message: "This fim-lint-disable-line comment gives no reason: add one after ' -- ', e.g. '# fim-lint-disable-line yaml/duplicate-key -- <why>'", line: 4, column: 8, severity: 'warning' }],
      output: null,
    },
  ],
});

describe('sbuild/disable-directive-reason', () => {
  it('is off unless enabled, and the directives suppress', async () => {
    expect(await lint(text)).toEqual([]);
  });
});
