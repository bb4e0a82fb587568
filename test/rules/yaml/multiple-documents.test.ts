import { describe, expect, it } from 'vitest';
import { compact, lint, recipe } from '../../helpers.js';

describe('yaml/multiple-documents', () => {
  it('warns at the separator of each later document', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: a', '---', 'pkg: b', '---', 'pkg: c'), { only: 'yaml/multiple-documents' });
    expect(diagnostics.map(compact)).toEqual([
      'yaml/multiple-documents warning 3:1-3:4 YAML document 2 is ignored: only the first document of a file is the recipe; remove it or move it to its own file',
      'yaml/multiple-documents warning 5:1-5:4 YAML document 3 is ignored: only the first document of a file is the recipe; remove it or move it to its own file',
    ]);
  });

  it('accepts an explicit start marker on the only document', async () => {
    expect(await lint(recipe('#!/SBUILD', '---', 'pkg: a'), { only: 'yaml/multiple-documents' })).toEqual([]);
  });
});
