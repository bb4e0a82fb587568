import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

/** A comment line longer than the 8000 bytes sniffed for a binary file, then `tail`: its line is line 22. */
const afterSniff = (tail: string) => `${VALID_RECIPE}#${'x'.repeat(9000)}\n${tail}`;

const NUL_MESSAGE =
  'Control character U+0000 (NUL): YAML allows it nowhere in a file, not even in quotes, and loaders such as PyYAML reject the file; remove it, or write it as the escape \\x00 inside a double-quoted string';
const c1Message = (hex: string, name = '') =>
  `Control character U+00${hex}${name}: YAML allows it only inside quoted strings, and loaders such as PyYAML reject it anywhere; remove it, or write it as the escape \\x${hex} inside a double-quoted string`;

ruleTester.run('yaml/encoding', {
  valid: [
    { name: 'UTF-8 with a BOM', code: new TextEncoder().encode('\uFEFF#!/SBUILD\npkg: "é"\n') },
    { name: 'UTF-8 without a BOM', code: new TextEncoder().encode('#!/SBUILD\npkg: "日本"\n') },
    { name: 'tabs and NEL, which YAML allows anywhere', code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description:\t"Prints\ta greeting" # NEL\u0085') },
    { name: 'DEL and C1 controls inside a double-quoted string', code: VALID_RECIPE.replace('"Prints a greeting"', '"Prints\u007F a \u009B31m greeting"') },
    { name: 'DEL and C1 controls inside a single-quoted string', code: VALID_RECIPE.replace('"Prints a greeting"', "'Prints\u0080 a \u009F greeting'") },
    { name: 'controls written as escapes', code: VALID_RECIPE.replace('"Prints a greeting"', '"Prints \\0\\e[1m\\x9b a greeting"') },
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
    {
      name: 'a NUL byte after the bytes sniffed for a binary file, at its line and column',
      code: afterSniff('# a\u0000b\n'),
      errors: [`yaml/encoding error 22:4-22:5 ${NUL_MESSAGE}`],
      output: null,
    },
    {
      name: 'a run of NUL bytes padding the end of the file is one problem',
      code: afterSniff('\u0000'.repeat(1000)),
      errors: [
        'yaml/encoding error 22:1-22:1001 1000 control characters U+0000 (NUL) in a row: YAML allows them nowhere in a file, not even in quotes, and loaders such as PyYAML reject the file; remove them, or write each as \\x00 inside a double-quoted string',
      ],
      output: null,
    },
    {
      name: 'C0 controls inside quotes too: the ESC of a colour sequence, a form feed',
      code: VALID_RECIPE.replace('"Prints a greeting"', '"Prints \u001B[1m a\u000C greeting"'),
      errors: [
        'yaml/encoding error 8:22-8:23 Control character U+001B (ESC): YAML allows it nowhere in a file, not even in quotes, and loaders such as PyYAML reject the file; remove it, or write it as the escape \\x1B inside a double-quoted string',
        'yaml/encoding error 8:28-8:29 Control character U+000C (FF): YAML allows it nowhere in a file, not even in quotes, and loaders such as PyYAML reject the file; remove it, or write it as the escape \\x0C inside a double-quoted string',
      ],
      output: null,
    },
    {
      name: 'DEL and C1 controls outside quoted strings: in a comment, a plain value and a block script',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: false # off\u007F')
        .replace('  - "Utility"', '  - Utility\u0080')
        .replace('    echo "1.0.0"', '    echo "1.0.0\u009B"'),
      errors: [
        `yaml/encoding error 2:23-2:24 ${c1Message('7F', ' (DEL)')}`,
        `yaml/encoding error 7:12-7:13 ${c1Message('80')}`,
        `yaml/encoding error 18:16-18:17 ${c1Message('9B')}`,
      ],
      output: null,
    },
  ],
});

describe('yaml/encoding', () => {
  it('runs no other rule on a binary file', async () => {
    expect((await lint(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))).map((d) => d.ruleId)).toEqual(['yaml/encoding']);
  });

  it('is the only rule to report a control character: the yaml parser reads them without an error or a warning', async () => {
    const text = afterSniff('# a\u0000b \u0001\u007F\u009B\n');
    const documents = parseAllDocuments(text, { version: '1.2' });
    expect(documents.flatMap((document) => [...document.errors, ...document.warnings])).toEqual([]);
    expect((await lint(text)).map((d) => d.ruleId)).toEqual(['yaml/encoding', 'yaml/encoding', 'yaml/encoding', 'yaml/encoding']);
  });

  it('lets the other rules check a text file with a control character in it', async () => {
    const diagnostics = await lint(afterSniff('x_note: 1 # \u0000\n'));
    expect(diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['sbuild/unknown-key@22:1', 'yaml/encoding@22:13']);
  });
});
