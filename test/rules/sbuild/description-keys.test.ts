import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/description-keys';
const on = { rules: { 'sbuild/description-keys': 'warn' as const } };
const withDescription = (provides: string[] | undefined, ...entries: string[]) =>
  VALID_RECIPE.replace(
    'description: "Prints a greeting"',
    ['description:', '  _default: "Greeting tools"', ...entries.map((entry) => `  ${entry}`), ...(provides ? ['provides:', ...provides.map((name) => `  - "${name}"`)] : [])].join('\n'),
  );

describe('sbuild/description-keys', () => {
  it('warns at a description key that provides does not list', async () => {
    const text = withDescription(['hello', 'busybox==whoami'], 'hello: "Prints a greeting"', 'goodbye: "Says goodbye"', 'whoami: "Prints the user"');
    expect((await lint(text, { only, config: on })).map(compact)).toEqual([
      "sbuild/description-keys warning 11:3-11:10 description has an entry for 'goodbye', a program that provides does not list: add it to provides or remove the entry",
    ]);
  });

  it('compares with pkg when there is no provides', async () => {
    const text = withDescription(undefined, 'hello: "Prints a greeting"', 'hi: "Short"');
    expect((await lint(text, { only, config: on })).map(compact)).toEqual([
      "sbuild/description-keys warning 11:3-11:5 description has an entry for 'hi', but without provides the only program is pkg 'hello': list the programs in provides or remove the entry",
    ]);
  });

  it('accepts program names, aliases, links and new names, and stays silent when provides is malformed', async () => {
    expect(await lint(withDescription(['hello:hi', 'ripgrep=>rg'], 'hello: "A"', 'hi: "B"', 'ripgrep: "C"', 'rg: "D"'), { only, config: on })).toEqual([]);
    expect(await lint(withDescription(['hello"'], 'hello: "A"'), { only, config: on })).toEqual([]);
    expect(await lint(VALID_RECIPE, { only, config: on })).toEqual([]);
  });

  it('counts the programs of packages entries', async () => {
    const text = withDescription(['hello'], 'hello: "A"', 'ls: "B"').replace('provides:', 'packages:\n  coreutils:\n    provides: ["ls"]\nprovides:');
    expect(await lint(text, { only, config: on })).toEqual([]);
    expect((await lint(text.replace('["ls"]', '["cat"]'), { only, config: on })).map((d) => d.message)).toEqual([
      "description has an entry for 'ls', a program that provides does not list: add it to provides or remove the entry",
    ]);
  });

  it('checks the keys of a description an alias stands for, at the alias', async () => {
    const text = VALID_RECIPE.replace('description: "Prints a greeting"', 'x_d: &d\n  _default: "Greeting tools"\n  goodbye: "Says goodbye"\ndescription: *d');
    expect((await lint(text, { only, config: on })).map(compact)).toEqual([
      "sbuild/description-keys warning 11:14-11:16 description has an entry for 'goodbye', but without provides the only program is pkg 'hello': list the programs in provides or remove the entry (the value of alias *d, anchored on line 8)",
    ]);
  });

  it('is off by default: the builder gives every package the one description of the recipe', async () => {
    const text = withDescription(['hello'], 'goodbye: "Says goodbye"');
    expect(await lint(text, { only })).toEqual([]);
    expect((await lint(text, { only, config: on })).map((d) => `${d.line}:${d.column}`)).toEqual(['10:3']);
  });
});
