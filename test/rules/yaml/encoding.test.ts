import { describe, expect, it } from 'vitest';
import { lint, ruleTester } from '../../helpers.js';

ruleTester.run('yaml/encoding', {
  valid: [
    { name: 'UTF-8 with a BOM', code: new TextEncoder().encode('\uFEFF#!/SBUILD\npkg: "é"\n') },
    { name: 'UTF-8 without a BOM', code: new TextEncoder().encode('#!/SBUILD\npkg: "日本"\n') },
  ],
  invalid: [
    {
      name: 'the first invalid UTF-8 byte, where an editor shows it',
      code: Uint8Array.from([...Buffer.from('#!/SBUILD\npkg: "ab'), 0xff, ...Buffer.from('"\n')]),
      errors: ['yaml/encoding error 2:9-2:9 The file is not valid UTF-8 (invalid byte 0xff at byte 18); recipes must be UTF-8 text'],
      output: null,
    },
    {
      name: 'a binary file',
      code: Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]),
      errors: ['yaml/encoding error 1:1-1:1 This is a binary file (NUL byte at byte 4), not a YAML recipe'],
      output: null,
    },
  ],
});

describe('yaml/encoding', () => {
  it('runs no other rule on a binary file', async () => {
    expect((await lint(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))).map((d) => d.ruleId)).toEqual(['yaml/encoding']);
  });
});
