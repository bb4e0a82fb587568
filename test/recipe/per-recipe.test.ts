import { describe, expect, it } from 'vitest';
import { perRecipe } from '../../src/recipe/per-recipe.js';
import { Recipe } from '../../src/recipe/recipe.js';

describe('perRecipe', () => {
  it('works once per recipe however often it is asked, and apart for each recipe and each function', () => {
    const calls: string[] = [];
    const pkg = perRecipe((recipe) => {
      calls.push(recipe.path);
      return { pkg: recipe.fields?.pkg };
    });
    const length = perRecipe((recipe) => recipe.text.length);
    const first = new Recipe('a.yaml', 'pkg: a\n');
    const second = new Recipe('b.yaml', 'pkg: b\n');
    expect(pkg(first)).toBe(pkg(first));
    expect([pkg(first).pkg, pkg(second).pkg, length(first)]).toEqual(['a', 'b', 7]);
    expect(calls).toEqual(['a.yaml', 'b.yaml']);
  });
});
