import { describe, expect, it } from 'vitest';
import { compact, lint } from '../../helpers.js';

describe('yaml/encoding', () => {
  it('reports the first invalid UTF-8 byte where an editor shows it', async () => {
    const bytes = Uint8Array.from([...Buffer.from('#!/SBUILD\npkg: "ab'), 0xff, ...Buffer.from('"\n')]);
    const diagnostics = await lint(bytes);
    expect(diagnostics.map(compact)).toEqual([
      'yaml/encoding error 2:9-2:9 The file is not valid UTF-8 (invalid byte 0xff at byte 18); recipes must be UTF-8 text',
    ]);
  });

  it('reports a binary file once and runs no other rule on it', async () => {
    const diagnostics = await lint(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    expect(diagnostics.map(compact)).toEqual([
      'yaml/encoding error 1:1-1:1 This is a binary file (NUL byte at byte 4), not a YAML recipe',
    ]);
  });

  it('accepts UTF-8 with and without a BOM', async () => {
    expect(await lint(new TextEncoder().encode('\uFEFF#!/SBUILD\npkg: "é"\n'), { only: 'yaml/encoding' })).toEqual([]);
    expect(await lint(new TextEncoder().encode('#!/SBUILD\npkg: "日本"\n'), { only: 'yaml/encoding' })).toEqual([]);
  });
});
