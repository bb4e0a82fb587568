import { isScalar, isSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Recipe } from '../../src/recipe/recipe.js';
import { recipe } from '../helpers.js';

const at = (r: Recipe, node: { range?: [number, number, number] | null } | undefined) => {
  const position = r.position(node?.range?.[0] ?? -1);
  return `${position.line}:${position.column}`;
};

describe('aliases in the recipe model', () => {
  it('hands out the anchored value at the place of the alias', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'x_t: &t "nonsense"', 'pkg_type: *t'));
    const node = r.node(['pkg_type']);
    expect(isScalar(node) && node.value).toBe('nonsense');
    expect(at(r, node)).toBe('3:11');
    expect(r.aliasNote(node, node!.range![0])).toBe(' (the value of alias *t, anchored on line 2)');
  });

  it('follows aliases on the way to a value: items of an aliased list sit at the alias', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'x_l: &l', '  - "a"', '  - *v', 'x_v: &v "b"', 'category: *l'));
    // `*v` inside the list is a later anchor than the list: a forward alias is not resolved.
    expect(r.items(['category']).map((item) => (isScalar(item) ? item.value : item))).toEqual(['a', undefined]);
    expect(at(r, r.node(['category', 0]))).toBe('6:11');
    expect(r.insideAliasedCollection(r.node(['category', 0]))).toBe(true);
    expect(r.insideAliasedCollection(r.node(['category']))).toBe(false);
  });

  it('follows aliases along a path of keys, and an alias to a map hands out keys at the alias', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'x_x: &x', '  shell: &s "bash"', '  arch: [*s]', 'x_exec: *x'));
    expect(at(r, r.pair(['x_exec', 'shell'])?.key)).toBe('5:9');
    const arch = r.node(['x_exec', 'arch', 0]);
    expect(isScalar(arch) && arch.value).toBe('bash');
    expect(at(r, arch)).toBe('5:9');
    expect(r.aliasNote(arch, arch!.range![0])).toBe(' (the value of alias *x, anchored on line 2)');
  });

  it('resolves an alias to the nearest anchor of that name before it', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'x_a: &a "first"', 'pkg: *a', 'x_b: &a "second"', 'pkg_id: *a'));
    expect([r.node(['pkg']), r.node(['pkg_id'])].map((node) => isScalar(node) && node.value)).toEqual(['first', 'second']);
  });

  it('looks keys up through alias keys', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'x_k: &k pkg', '*k : "hello"'));
    const node = r.node(['pkg']);
    expect(isScalar(node) && node.value).toBe('hello');
  });

  it('survives an alias that names its own collection without looping', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'category: &c [*c, *c]'));
    const items = r.items(['category']);
    expect(items).toHaveLength(2);
    expect(isSeq(items[0])).toBe(true);
    expect(r.node(['category', 0, 0, 0, 0, 0])).toBeDefined();
  });

  it('hands out one stand-in per alias and value, however often it is asked for', () => {
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', 'x_l: &l ["a", "b"]', 'category: [*l, *l]'));
    expect(r.node(['category', 0, 1])).toBe(r.node(['category', 0, 1]));
    expect(r.node(['category', 0, 1])).not.toBe(r.node(['category', 1, 1]));
    expect(at(r, r.node(['category', 1, 1]))).toBe('3:16');
  });

  it('shortens a long anchor name in the note', () => {
    const long = 'n'.repeat(60);
    const r = new Recipe('r.yaml', recipe('#!/SBUILD', `x_t: &${long} "v"`, `pkg: *${long}`));
    const node = r.node(['pkg']);
    expect(r.aliasNote(node, node!.range![0])).toBe(` (the value of alias *${'n'.repeat(40)}…, anchored on line 2)`);
  });
});
