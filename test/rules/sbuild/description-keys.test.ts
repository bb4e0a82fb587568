import { describe, expect, it } from 'vitest';
import { lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const withDescription = (provides: string[] | undefined, ...entries: string[]) =>
  VALID_RECIPE.replace(
    'description: "Prints a greeting"',
    ['description:', '  _default: "Greeting tools"', ...entries.map((entry) => `  ${entry}`), ...(provides ? ['provides:', ...provides.map((name) => `  - "${name}"`)] : [])].join('\n'),
  );
const withPackages = withDescription(['hello'], 'hello: "A"', 'ls: "B"').replace('provides:', 'packages:\n  coreutils:\n    provides: ["ls"]\nprovides:');

ruleTester.run('sbuild/description-keys', {
  valid: [
    { name: 'program names, aliases, links and new names', code: withDescription(['hello:hi', 'ripgrep=>rg'], 'hello: "A"', 'hi: "B"', 'ripgrep: "C"', 'rg: "D"') },
    { name: 'a malformed provides', code: withDescription(['hello"'], 'hello: "A"') },
    { name: 'a plain description', code: VALID_RECIPE },
    { name: 'the programs of packages entries', code: withPackages },
  ],
  invalid: [
    {
      name: 'a description key that provides does not list',
      code: withDescription(['hello', 'busybox==whoami'], 'hello: "Prints a greeting"', 'goodbye: "Says goodbye"', 'whoami: "Prints the user"'),
      errors: ["sbuild/description-keys warning 11:3-11:10 description has an entry for 'goodbye', a program that provides does not list: add it to provides or remove the entry"],
      output: null,
    },
    {
      name: 'compared with pkg when there is no provides',
      code: withDescription(undefined, 'hello: "Prints a greeting"', 'hi: "Short"'),
      errors: [
        "sbuild/description-keys warning 11:3-11:5 description has an entry for 'hi', but without provides the only program is pkg 'hello': list the programs in provides or remove the entry",
      ],
      output: null,
    },
    {
      name: 'a program that no packages entry provides',
      code: withPackages.replace('["ls"]', '["cat"]'),
      errors: [{ message: "description has an entry for 'ls', a program that provides does not list: add it to provides or remove the entry", line: 11, column: 3 }],
      output: null,
    },
    {
      name: 'the keys of a description an alias stands for, at the alias',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'x_d: &d\n  _default: "Greeting tools"\n  goodbye: "Says goodbye"\ndescription: *d'),
      errors: [
        "sbuild/description-keys warning 11:14-11:16 description has an entry for 'goodbye', but without provides the only program is pkg 'hello': list the programs in provides or remove the entry (the value of alias *d, anchored on line 8)",
      ],
      output: null,
    },
    {
      name: 'a description key with a single provides entry',
      code: withDescription(['hello'], 'goodbye: "Says goodbye"'),
      errors: [{ message: "description has an entry for 'goodbye', a program that provides does not list: add it to provides or remove the entry", line: 10, column: 3 }],
      output: null,
    },
  ],
});

describe('sbuild/description-keys', () => {
  it('is off by default: the builder gives every package the one description of the recipe', async () => {
    expect(await lint(withDescription(['hello'], 'goodbye: "Says goodbye"'), { only: 'sbuild/description-keys' })).toEqual([]);
  });
});
