import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester, VALID_RECIPE } from '../../helpers.js';

const level = 'error' as const;

ruleTester.run('sbuild/unused-disable-directive', {
  valid: [
    {
      name: 'a disable … enable range that hid a problem, and a ShellCheck code, which is never reported',
      code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', '# fim-lint-disable yaml/duplicate-key', 'pkg: b', '# fim-lint-enable yaml/duplicate-key')) + recipe('    ls $x # fim-lint-disable-line shell/SC2086'),
      level,
    },
  ],
  invalid: [
    {
      name: 'a directive that hid nothing, at the comment, with a fix that removes its line',
      code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable-next-line yaml/duplicate-key -- old', 'pkg: "hello"')),
      level,
      errors: [
        "sbuild/unused-disable-directive error 3:1-3:55 Unused fim-lint-disable-next-line comment: no 'yaml/duplicate-key' problem was reported where it applies; remove it or correct the rule id",
      ],
      output: VALID_RECIPE,
    },
    {
      name: 'only the unused ids of a directive that hid something, without a fix',
      code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', 'pkg: b  # fim-lint-disable-line yaml/duplicate-key, sbuild/no-such-rule')),
      level,
      errors: [
        "sbuild/unused-disable-directive error 4:9-4:72 Unused fim-lint-disable-line comment: no 'sbuild/no-such-rule' problem was reported where it applies; remove it or correct the rule id",
      ],
      output: null,
    },
    {
      name: 'only the comment is removed when it follows a value',
      code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"  # fim-lint-disable-line')),
      level,
      errors: [{ message: 'Unused fim-lint-disable-line comment: no problem was reported where it applies; remove it or correct the rule id', line: 3, column: 15 }],
      output: VALID_RECIPE,
    },
    {
      name: 'yaml/syntax cannot be suppressed',
      code: recipe('#!/SBUILD', 'pkg: [a # fim-lint-disable-line yaml/syntax'),
      level,
      errors: [
        {
          message: "Unused fim-lint-disable-line comment: 'yaml/syntax' (which cannot be suppressed: fix the file instead) was reported where it applies; remove it or correct the rule id",
          line: 2,
          column: 9,
        },
      ],
      output: null,
    },
    {
      name: 'an unused disable … enable range',
      // The last field of VALID_RECIPE is x_exec.run: the added last line is a line of its script.
      code: VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable sbuild/shebang', 'pkg: "hello"', '# fim-lint-enable sbuild/shebang')) + recipe('    ls $x # fim-lint-disable-line shell/SC2086'),
      level,
      errors: [{ message: "Unused fim-lint-disable comment: no 'sbuild/shebang' problem was reported where it applies; remove it or correct the rule id", line: 3, column: 1 }],
      output: VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', '# fim-lint-enable sbuild/shebang')) + recipe('    ls $x # fim-lint-disable-line shell/SC2086'),
    },
  ],
});

describe('sbuild/unused-disable-directive', () => {
  it('is off unless enabled', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable-next-line yaml/duplicate-key', 'pkg: "hello"'));
    expect(await lint(text)).toEqual([]);
  });

  it('removes exactly the directive: its line, or the comment after a value', async () => {
    const config = { rules: { 'sbuild/unused-disable-directive': level } };
    const line = await lint(VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable-next-line yaml/duplicate-key -- old', 'pkg: "hello"')), { config });
    expect(line.map((d) => d.fix)).toEqual([[{ start: 39, end: 94, text: '' }]]);
    const comment = await lint(VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"  # fim-lint-disable-line')), { config });
    expect(comment.map((d) => d.fix)).toEqual([[{ start: 51, end: 76, text: '' }]]);
  });
});
