import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester } from '../../helpers.js';

const lines = ['#!/SBUILD', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let level = 1; level <= 9; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(',')}]`);
const bomb = recipe(...lines);

ruleTester.run('yaml/alias-limit', {
  valid: [{ name: 'a few ordinary aliases', code: recipe('#!/SBUILD', 'a: &x [1, 2]', 'b: *x') }],
  invalid: [
    {
      name: 'a billion-laughs alias bomb, with one diagnostic',
      code: bomb,
      errors: [{ message: 'The recipe could not be read: Excessive alias count indicates a resource exhaustion attack (aliases may expand to at most 1000 nodes); no other check ran', line: 2, column: 1 }],
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
