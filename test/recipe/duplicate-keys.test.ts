import { describe, expect, it } from 'vitest';
import { parseAllDocuments, type Document } from 'yaml';
import { Recipe } from '../../src/recipe/recipe.js';

/** The DUPLICATE_KEY errors yaml itself reports (its quadratic check), for comparison. */
function yamlsOwn(text: string): number[][] {
  const documents = parseAllDocuments(text, { version: '1.2' }) as Document.Parsed[];
  return documents.map((document) => document.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]));
}

function ours(text: string): number[][] {
  return new Recipe('r.yaml', text).documents.map((document) => document.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]).sort((a, b) => a - b));
}

describe('duplicate keys found in one pass', () => {
  it('finds the same duplicates at the same offsets as yaml, in block and flow maps, nested, in every document', () => {
    const texts = [
      'pkg: a\npkg: b\nx:\n  y: 1\n  y: 2\n  "y": 3\n',
      'a: {k: 1, k: 2, "k": 3}\nb: [{z: 1, z: 2}, [p: 1]]\n',
      '1: a\n1.0: b\n0x1: c\n~: d\nnull: e\n.nan: f\n.nan: g\n',
      '&a key: 1\nkey: 2\n? complex\n: 1\n? complex\n: 2\n',
      'a: 1\n---\nb: 1\nb: 2\n',
    ];
    for (const text of texts) expect(ours(text), text).toEqual(yamlsOwn(text));
  });

  it('finds the one repeated key among 100,000 in one pass (yaml alone would take minutes: the test would time out)', () => {
    const text = ['pkg: x', ...Array.from({ length: 100_000 }, (_, index) => `k${index % 99_999}: v`)].join('\n');
    const recipe = new Recipe('r.yaml', text);
    expect(recipe.document!.errors.map((e) => `${e.code}@${e.pos[0]}`)).toEqual([`DUPLICATE_KEY@${text.lastIndexOf('\nk0:') + 1}`]);
  });
});
