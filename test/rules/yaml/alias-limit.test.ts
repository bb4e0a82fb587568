import { describe, expect, it } from 'vitest';
import { lint, recipe } from '../../helpers.js';

describe('yaml/alias-limit', () => {
  it('stops a billion-laughs alias bomb with one diagnostic', async () => {
    const lines = ['#!/SBUILD', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level <= 9; level++) {
      const previous = `*a${level - 1}`;
      lines.push(`a${level}: &a${level} [${Array(9).fill(previous).join(',')}]`);
    }
    const diagnostics = await lint(recipe(...lines));
    expect(diagnostics.filter((d) => d.ruleId === 'yaml/alias-limit').map((d) => `${d.line}:${d.column}`)).toEqual(['2:1']);
    expect(diagnostics.some((d) => d.ruleId.startsWith('sbuild/') && d.ruleId !== 'sbuild/shebang')).toBe(false);
  });

  it('accepts a few ordinary aliases', async () => {
    expect(await lint(recipe('#!/SBUILD', 'a: &x [1, 2]', 'b: *x'), { only: 'yaml/alias-limit' })).toEqual([]);
  });
});
