import { describe, expect, it } from 'vitest';
import { stoppingAlias } from '../../src/recipe/alias-limit.js';
import { MAX_ALIAS_COUNT, Recipe } from '../../src/recipe/recipe.js';
import { recipe } from '../helpers.js';

/** Nested lists of `width` aliases, `depth` levels deep, over one anchored list of `width` scalars. */
function nested(width: number, depth: number): string {
  const lines = ['#!/SBUILD', `a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let level = 1; level <= depth; level++) lines.push(`a${level}: &a${level} [${Array(width).fill(`*a${level - 1}`).join(', ')}]`);
  return recipe(...lines);
}

const cases: Record<string, string> = {
  'one scalar used 999 times': recipe('#!/SBUILD', 'a: &x 1', `b: [${Array(999).fill('*x').join(', ')}]`),
  'one scalar used 1000 times': recipe('#!/SBUILD', 'a: &x 1', `b: [${Array(1000).fill('*x').join(', ')}]`),
  'aliases in keys and values': recipe('#!/SBUILD', 'a: &k key', 'b: &v [1, 2]', `c: [${Array.from({ length: 1200 }, () => '{*k : *v}').join(', ')}]`),
  'an anchor that holds its own alias': recipe('#!/SBUILD', 'a: &a [1, *a]'),
  'three levels of nine': nested(9, 3),
  'four levels of nine': nested(9, 4),
  'four levels of three': nested(3, 4),
  'five levels of three': nested(3, 5),
};

describe('stoppingAlias', () => {
  it.each(Object.entries(cases))('stops where the yaml library stops: %s', (_name, text) => {
    const read = new Recipe('r.yaml', text);
    const stopped = stoppingAlias(read.document!, (alias) => read.aliases.target(alias), MAX_ALIAS_COUNT);
    expect(stopped !== undefined).toBe(read.dataError !== undefined);
  });

  it('has cases on both sides of the limit', () => {
    const stops = Object.values(cases).map((text) => new Recipe('r.yaml', text).dataError !== undefined);
    expect(stops).toEqual([false, true, true, false, false, true, false, true]);
  });
});
