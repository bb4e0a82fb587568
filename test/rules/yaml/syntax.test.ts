import { describe, expect, it } from 'vitest';
import { compact, lint, recipe } from '../../helpers.js';

describe('yaml/syntax', () => {
  it('reports an unclosed flow sequence at the parser position', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: [a, b', 'pkg_id: x'), { only: 'yaml/syntax' });
    expect(diagnostics.map(compact)).toEqual([
      'yaml/syntax error 3:1-3:2 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports a mapping value where none is allowed, with the editor line (shebang is line 1)', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: a: b'), { only: 'yaml/syntax' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:6']);
    expect(diagnostics[0]!.message).toMatch(/Nested mappings are not allowed in compact mappings/);
  });

  it('counts positions after a BOM as an editor does, and handles CRLF line ends', async () => {
    const text = '\uFEFF#!/SBUILD\r\npkg: [a\r\n';
    const bytes = new TextEncoder().encode(text);
    const diagnostics = await lint(bytes, { only: 'yaml/syntax' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['3:1']);
  });

  it('says that a file nested too deeply for the parser is nested too deeply', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`), { only: 'yaml/syntax' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'YAML syntax error: the YAML is nested too deeply to read (the parser ran out of stack); recipes nest a few levels',
    ]);
  });

  it('accepts a well-formed recipe, an empty file and tabs inside scalars', async () => {
    expect(await lint(recipe('#!/SBUILD', 'pkg: "a\tb"'), { only: 'yaml/syntax' })).toEqual([]);
    expect(await lint('', { only: 'yaml/syntax' })).toEqual([]);
  });
});
