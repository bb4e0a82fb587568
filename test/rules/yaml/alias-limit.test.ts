import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester } from '../../helpers.js';

const lines = ['#!/SBUILD', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let level = 1; level <= 9; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(',')}]`);
const bomb = recipe(...lines);
const BOMB = (name: string) => `The recipe could not be read: at alias *${name}, aliases expand to more than 1000 nodes, the limit that stops alias bombs; no other check ran`;

ruleTester.run('yaml/alias-limit', {
  valid: [{ name: 'a few ordinary aliases', code: recipe('#!/SBUILD', 'a: &x [1, 2]', 'b: *x') }],
  invalid: [
    {
      // Nine uses of *a0 count 10 nodes, of *a1 100, of *a2 1000: the first *a3 takes the count past 1000.
      name: 'a billion-laughs alias bomb, with one diagnostic, at the alias that takes the expansion past the limit',
      code: bomb,
      errors: [{ message: BOMB('a3'), line: 6, column: 10, endLine: 6, endColumn: 13 }],
      output: null,
    },
    {
      name: 'one scalar aliased more than 1000 times, at the alias past the limit',
      code: recipe('#!/SBUILD', 'a: &x 1', `b: [${Array(1001).fill('*x').join(', ')}]`),
      errors: [{ message: BOMB('x'), line: 3, column: 5 + 4 * 999, endLine: 3, endColumn: 5 + 4 * 999 + 2 }],
      output: null,
    },
    {
      name: 'an alias without an anchor before it, at the alias',
      code: recipe('#!/SBUILD', 'a: 1', 'b: *nope'),
      errors: [{ message: "The recipe could not be read: alias *nope has no anchor before it (write &nope on the value it repeats, before the alias); no other check ran", line: 3, column: 4, endLine: 3, endColumn: 9 }],
      output: null,
    },
  ],
});

describe('yaml/alias-limit', () => {
  it('stops the sbuild rules on an alias bomb', async () => {
    const diagnostics = await lint(bomb);
    expect(diagnostics.some((d) => d.ruleId.startsWith('sbuild/') && d.ruleId !== 'sbuild/shebang')).toBe(false);
  });
});
