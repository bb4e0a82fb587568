import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester } from '../../helpers.js';

/** The head of a recipe whose `run: |` block starts on line 8 and its script on line 9. */
const HEAD = ['#!/SBUILD', '_disabled: false', 'pkg: "hello"', 'description: "Prints a greeting"', 'x_exec:', '  shell: "bash"', '  pkgver: "echo 1.0"', '  run: |'];

/** A script as authors write it, which the broken copies below put at column 1. */
const SCRIPT = ['#!/usr/bin/env bash', 'export BIN="hello"', 'if [ -n "${BIN}" ]; then', '  echo "${BIN}: ok"', 'fi', 'export BIN="again"', 'if [ -n "${BIN}" ]; then', '  echo "${BIN}"', 'fi'];

const firstLineIndented = recipe(...HEAD, `    ${SCRIPT[0]}`, ...SCRIPT.slice(1));
const intended = recipe(...HEAD, ...SCRIPT.map((line) => `    ${line}`));
const pasted = ['#!/SBUILD', '_disabled: false', 'pkg: "hello"', 'x_exec:', '  run: |', '    echo a'];

ruleTester.run('yaml/syntax', {
  valid: [
    { name: 'a tab inside a scalar', code: recipe('#!/SBUILD', 'pkg: "a\tb"') },
    { name: 'an empty file', code: '' },
    { name: 'a script inside its block', code: intended },
    { name: 'one repeated key, which is a duplicate key', code: recipe('#!/SBUILD', 'pkg: "a"', 'pkg: "b"', 'pkg: "c"') },
  ],
  invalid: [
    {
      name: 'a script at column 1 under `run: |`, in one diagnostic, fixed into the block as the author wrote it',
      code: firstLineIndented,
      errors: [
        'yaml/syntax error 10:1-10:19 Line 10 starts at column 1, left of the script of `run: |` on line 8, so the script ends at line 9: indent lines 10–17 by 4 spaces',
      ],
      output: intended,
    },
    {
      name: 'a script entirely at column 1: the script is empty, and the fix indents it two spaces past its key',
      code: recipe(...HEAD, ...SCRIPT),
      errors: ['yaml/syntax error 9:1-9:20 Line 9 starts at column 1, left of the script of `run: |` on line 8, so the script is empty: indent lines 9–17 by 4 spaces'],
      output: intended,
    },
    {
      name: 'only the lines up to the next key move, keeping the indentation inside the script',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  pkgver: |', '    echo start', 'if true; then', '  echo "1.0"', 'fi', '  run: |', '    echo run'),
      errors: [
        'yaml/syntax error 6:1-6:14 Line 6 starts at column 1, left of the script of `pkgver: |` on line 4, so the script ends at line 5: indent lines 6–8 by 4 spaces',
      ],
      output: recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  pkgver: |', '    echo start', '    if true; then', '      echo "1.0"', '    fi', '  run: |', '    echo run'),
    },
    {
      name: 'no fix when the moved lines would not parse as the script',
      // `key: "x` opens a quote that the re-indented script would still leave open.
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  run: |', '    echo a', 'echo b', 'c: "x', 'echo d'),
      errors: [{ message: 'Line 6 starts at column 1, left of the script of `run: |` on line 4, so the script ends at line 5: indent line 6 by 4 spaces', line: 6, column: 1 }],
      output: null,
    },
    {
      name: 'a tab used for indentation',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '\tshell: "bash"', '  run: |', '    echo a'),
      errors: ['yaml/syntax error 4:1-4:2 Line 4 is indented with a tab: YAML indents with spaces only; replace the tab with spaces'],
      output: null,
    },
    {
      name: 'a tab that starts a script line left of the block',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  run: |', '    echo a', '\techo b', '    echo c'),
      errors: [
        'yaml/syntax error 6:1-6:8 Line 6 is indented with a tab, left of the script of `run: |` on line 4, so the script ends at line 5: YAML indents with spaces only; indent line 6 with spaces to column 5',
      ],
      output: null,
    },
    {
      name: 'an unquoted `: ` inside a value, with the value quoted',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'description: Hello: prints a greeting', 'x_exec:', '  shell: "bash"'),
      errors: [
        'yaml/syntax error 3:19-3:21 Line 3: `: ` at column 19 inside the value of `description` reads as the start of a nested key; put the value in quotes: `description: "Hello: prints a greeting"`',
      ],
      output: null,
    },
    {
      name: 'an unquoted ` #` that cuts a flow value short',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'tag: [cli, #tools, net]', 'x_exec:', '  shell: "bash"'),
      errors: [
        'yaml/syntax error 3:12-3:13 Line 3: the `#` at column 12 follows a space, so it starts a YAML comment, which cuts the value of `tag` short; put the value in quotes to keep the `#`',
      ],
      output: null,
    },
    {
      name: 'an unquoted ` #` that cuts a continued value short',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'description: The #1 greeter', '  for terminals', 'x_exec:', '  shell: "bash"'),
      errors: [
        'yaml/syntax error 3:18-3:19 Line 3: the `#` at column 18 follows a space, so it starts a YAML comment, which cuts the value of `description` short; put the value in quotes to keep the `#`',
      ],
      output: null,
    },
    ...['"', "'"].map((quote) => ({
      name: `an unclosed ${quote} at the quote that opens it`,
      code: recipe('#!/SBUILD', `pkg: ${quote}hello`, 'description: "Prints a greeting"', 'x_exec:', '  shell: "bash"'),
      errors: [
        `yaml/syntax error 2:6-2:7 Line 2: the \`${quote}\` at column 6 opens the value of \`pkg\` and is not closed on that line, so the value runs on into the lines below; add the closing \`${quote}\``,
      ],
      output: null,
    })),
    {
      name: 'an unclosed bracket at the bracket that opens it',
      code: recipe('#!/SBUILD', 'pkg: [a, b', 'pkg_id: x'),
      errors: ['yaml/syntax error 2:6-2:7 Line 2: the `[` at column 6 opens the value of `pkg` and is never closed; add `]` at the end of the list'],
      output: null,
    },
    {
      name: 'a second recipe pasted into the file, once',
      code: recipe(...pasted, ...pasted),
      errors: [
        'yaml/syntax error 7:1-7:10 Line 7 starts a second recipe (`pkg` on line 9 repeats the one on line 3): a file holds one recipe, and YAML keeps only one value of each key; move lines 7–12 to a file of their own',
      ],
      output: null,
    },
    {
      name: 'two different keys written again are a second recipe, also without `#!/SBUILD`',
      code: recipe('#!/SBUILD', '_disabled: false', 'pkg: "a"', 'x: 1', '_disabled: false', 'pkg: "a"'),
      errors: [{ message: 'Line 5 starts a second recipe (`pkg` on line 6 repeats the one on line 3): a file holds one recipe, and YAML keeps only one value of each key; move lines 5–6 to a file of their own', line: 5, column: 1 }],
      output: null,
    },
    {
      name: 'an explained error, with the editor line (shebang is line 1)',
      code: recipe('#!/SBUILD', 'pkg: a: b'),
      errors: [{ message: 'Line 2: `: ` at column 7 inside the value of `pkg` reads as the start of a nested key; put the value in quotes: `pkg: "a: b"`', line: 2, column: 7 }],
      output: null,
    },
    {
      name: 'positions after a BOM counted as an editor does, with CRLF line ends',
      code: new TextEncoder().encode('\uFEFF#!/SBUILD\r\npkg: [a\r\n'),
      errors: [{ message: 'Line 2: the `[` at column 6 opens the value of `pkg` and is never closed; add `]` at the end of the list', line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'CRLF line ends kept by the fix',
      code: recipe(...HEAD, ...SCRIPT).replace(/\n/g, '\r\n'),
      errors: [{ message: 'Line 9 starts at column 1, left of the script of `run: |` on line 8, so the script is empty: indent lines 9–17 by 4 spaces', line: 9, column: 1 }],
      output: intended.replace(/\n/g, '\r\n'),
    },
    {
      name: 'a file nested too deeply for the parser',
      code: recipe('#!/SBUILD', `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`),
      errors: [{ message: 'YAML syntax error: the YAML is nested too deeply to read (the parser ran out of stack); recipes nest a few levels', line: 2, column: 838 }],
      output: null,
    },
  ],
});

describe('yaml/syntax', () => {
  it('explains a script at column 1 without a duplicate key, with one edit per moved line, and the fixed script is what the author wrote', async () => {
    const diagnostics = await lint(firstLineIndented, { only: ['yaml/syntax', 'yaml/duplicate-key'] });
    expect(diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['yaml/syntax@10:1']);
    expect(diagnostics[0]!.fix).toHaveLength(8);
    expect((parseAllDocuments(intended)[0]!.toJS() as { x_exec: { run: string } }).x_exec.run).toBe(SCRIPT.join('\n') + '\n');
  });

  it('keeps one repeated key a duplicate key, and reports a second recipe without duplicate keys', async () => {
    const only = ['yaml/syntax', 'yaml/duplicate-key'];
    expect((await lint(recipe('#!/SBUILD', 'pkg: "a"', 'pkg: "b"', 'pkg: "c"'), { only })).map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['yaml/duplicate-key@3:1', 'yaml/duplicate-key@4:1']);
    const without = await lint(recipe('#!/SBUILD', '_disabled: false', 'pkg: "a"', 'x: 1', '_disabled: false', 'pkg: "a"'), { only });
    expect(without.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['yaml/syntax@5:1']);
  });

  it('reports an error it cannot explain once, in the parser words', async () => {
    const unexplained = await lint(recipe('#!/SBUILD', 'pkg: "a"', '? [a', '  : b', ']: c', 'x: ]'), { only: 'yaml/syntax' });
    expect(unexplained).toHaveLength(1);
    expect(unexplained[0]!.message).toMatch(/^YAML syntax error: /);
  });
});
