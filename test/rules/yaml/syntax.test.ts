import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fix/fix-text.js';
import { compact, lint, lintOutcome, recipe } from '../../helpers.js';

const ONLY = ['yaml/syntax', 'yaml/duplicate-key'];

/** The head of a recipe whose `run: |` block starts on line 8 and its script on line 9. */
const HEAD = ['#!/SBUILD', '_disabled: false', 'pkg: "hello"', 'description: "Prints a greeting"', 'x_exec:', '  shell: "bash"', '  pkgver: "echo 1.0"', '  run: |'];

/** A script as authors write it, which the broken copies below put at column 1. */
const SCRIPT = ['#!/usr/bin/env bash', 'export BIN="hello"', 'if [ -n "${BIN}" ]; then', '  echo "${BIN}: ok"', 'fi', 'export BIN="again"', 'if [ -n "${BIN}" ]; then', '  echo "${BIN}"', 'fi'];

describe('yaml/syntax', () => {
  it('explains a script at column 1 under `run: |` in one diagnostic, with the lines and the indentation, and no duplicate keys', async () => {
    const text = recipe(...HEAD, `    ${SCRIPT[0]}`, ...SCRIPT.slice(1));
    const diagnostics = await lint(text, { only: ONLY });
    expect(diagnostics.map(compact)).toEqual([
      'yaml/syntax error 10:1-10:19 Line 10 starts at column 1, left of the script of `run: |` on line 8, so the script ends at line 9: indent lines 10–17 by 4 spaces',
    ]);
    expect(diagnostics[0]!.fix).toHaveLength(8);
  });

  it('fixes the script into the block: the recipe parses and the script is what the author wrote', async () => {
    const text = recipe(...HEAD, `    ${SCRIPT[0]}`, ...SCRIPT.slice(1));
    const result = await fixText(text, (changed) => lintOutcome(changed));
    const intended = recipe(...HEAD, ...SCRIPT.map((line) => `    ${line}`));
    expect(result.text).toBe(intended);
    expect(result.outcome.recipe?.hasSyntaxErrors).toBe(false);
    expect((parseAllDocuments(result.text)[0]!.toJS() as { x_exec: { run: string } }).x_exec.run).toBe(SCRIPT.join('\n') + '\n');
  });

  it('explains a script that is entirely at column 1: the script is empty, and the fix indents it two spaces past its key', async () => {
    const text = recipe(...HEAD, ...SCRIPT);
    const diagnostics = await lint(text, { only: ONLY });
    expect(diagnostics.map(compact)).toEqual([
      'yaml/syntax error 9:1-9:20 Line 9 starts at column 1, left of the script of `run: |` on line 8, so the script is empty: indent lines 9–17 by 4 spaces',
    ]);
    expect((await fixText(text, (changed) => lintOutcome(changed))).text).toBe(recipe(...HEAD, ...SCRIPT.map((line) => `    ${line}`)));
  });

  it('moves only the lines up to the next key of the recipe, keeping the indentation inside the script', async () => {
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  pkgver: |', '    echo start', 'if true; then', '  echo "1.0"', 'fi', '  run: |', '    echo run');
    const diagnostics = await lint(text, { only: ONLY });
    expect(diagnostics.map(compact)).toEqual([
      'yaml/syntax error 6:1-6:14 Line 6 starts at column 1, left of the script of `pkgver: |` on line 4, so the script ends at line 5: indent lines 6–8 by 4 spaces',
    ]);
    const fixed = await fixText(text, (changed) => lintOutcome(changed));
    expect(fixed.text).toBe(recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  pkgver: |', '    echo start', '    if true; then', '      echo "1.0"', '    fi', '  run: |', '    echo run'));
  });

  it('offers no fix when the moved lines would not parse as the script', async () => {
    // `key: "x` opens a quote that the re-indented script would still leave open.
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  run: |', '    echo a', 'echo b', 'c: "x', 'echo d');
    const diagnostics = await lint(text, { only: ONLY });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.fix ? 'fix' : 'no fix'}`)).toEqual(['6:1 no fix']);
    expect(diagnostics[0]!.message).toMatch(/^Line 6 starts at column 1, left of the script of `run: \|` on line 4/);
  });

  it('names a tab used for indentation', async () => {
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '\tshell: "bash"', '  run: |', '    echo a');
    expect((await lint(text, { only: ONLY })).map(compact)).toEqual([
      'yaml/syntax error 4:1-4:2 Line 4 is indented with a tab: YAML indents with spaces only; replace the tab with spaces',
    ]);
  });

  it('names a tab that starts a script line left of the block', async () => {
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  run: |', '    echo a', '\techo b', '    echo c');
    expect((await lint(text, { only: ONLY })).map(compact)).toEqual([
      'yaml/syntax error 6:1-6:8 Line 6 is indented with a tab, left of the script of `run: |` on line 4, so the script ends at line 5: YAML indents with spaces only; indent line 6 with spaces to column 5',
    ]);
  });

  it('names an unquoted `: ` inside a value, and shows the value quoted', async () => {
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'description: Hello: prints a greeting', 'x_exec:', '  shell: "bash"');
    expect((await lint(text, { only: ONLY })).map(compact)).toEqual([
      'yaml/syntax error 3:19-3:21 Line 3: `: ` at column 19 inside the value of `description` reads as the start of a nested key; put the value in quotes: `description: "Hello: prints a greeting"`',
    ]);
  });

  it('names an unquoted ` #` that cuts a value short', async () => {
    const flow = recipe('#!/SBUILD', 'pkg: "hello"', 'tag: [cli, #tools, net]', 'x_exec:', '  shell: "bash"');
    expect((await lint(flow, { only: ONLY })).map(compact)).toEqual([
      'yaml/syntax error 3:12-3:13 Line 3: the `#` at column 12 follows a space, so it starts a YAML comment, which cuts the value of `tag` short; put the value in quotes to keep the `#`',
    ]);
    const continued = recipe('#!/SBUILD', 'pkg: "hello"', 'description: The #1 greeter', '  for terminals', 'x_exec:', '  shell: "bash"');
    expect((await lint(continued, { only: ONLY })).map(compact)).toEqual([
      'yaml/syntax error 3:18-3:19 Line 3: the `#` at column 18 follows a space, so it starts a YAML comment, which cuts the value of `description` short; put the value in quotes to keep the `#`',
    ]);
  });

  it('names an unclosed quote at the quote that opens it, for both quote characters', async () => {
    for (const quote of ['"', "'"]) {
      const text = recipe('#!/SBUILD', `pkg: ${quote}hello`, 'description: "Prints a greeting"', 'x_exec:', '  shell: "bash"');
      expect((await lint(text, { only: ONLY })).map(compact)).toEqual([
        `yaml/syntax error 2:6-2:7 Line 2: the \`${quote}\` at column 6 opens the value of \`pkg\` and is not closed on that line, so the value runs on into the lines below; add the closing \`${quote}\``,
      ]);
    }
  });

  it('names an unclosed bracket at the bracket that opens it', async () => {
    const text = recipe('#!/SBUILD', 'pkg: [a, b', 'pkg_id: x');
    expect((await lint(text, { only: ONLY })).map(compact)).toEqual([
      'yaml/syntax error 2:6-2:7 Line 2: the `[` at column 6 opens the value of `pkg` and is never closed; add `]` at the end of the list',
    ]);
  });

  it('names a second recipe pasted into the file, once, instead of a duplicate key per field', async () => {
    const one = ['#!/SBUILD', '_disabled: false', 'pkg: "hello"', 'x_exec:', '  run: |', '    echo a'];
    const diagnostics = await lint(recipe(...one, ...one), { only: ONLY });
    expect(diagnostics.map(compact)).toEqual([
      'yaml/syntax error 7:1-7:10 Line 7 starts a second recipe (`pkg` on line 9 repeats the one on line 3): a file holds one recipe, and YAML keeps only one value of each key; move lines 7–12 to a file of their own',
    ]);
  });

  it('keeps one repeated key a duplicate key; two different keys written again are a second recipe, also without `#!/SBUILD`', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: "a"', 'pkg: "b"', 'pkg: "c"'), { only: ONLY });
    expect(diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['yaml/duplicate-key@3:1', 'yaml/duplicate-key@4:1']);
    const without = await lint(recipe('#!/SBUILD', '_disabled: false', 'pkg: "a"', 'x: 1', '_disabled: false', 'pkg: "a"'), { only: ONLY });
    expect(without.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['yaml/syntax@5:1']);
  });

  it('reports an error it cannot explain once, in the parser words, with the editor line (shebang is line 1)', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: a: b'), { only: 'yaml/syntax' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:7']);
    expect(diagnostics[0]!.message).toMatch(/^Line 2: `: ` at column 7 inside the value of `pkg`/);
    const unexplained = await lint(recipe('#!/SBUILD', 'pkg: "a"', '? [a', '  : b', ']: c', 'x: ]'), { only: 'yaml/syntax' });
    expect(unexplained).toHaveLength(1);
    expect(unexplained[0]!.message).toMatch(/^YAML syntax error: /);
  });

  it('counts positions after a BOM as an editor does, and handles CRLF line ends', async () => {
    const text = '\uFEFF#!/SBUILD\r\npkg: [a\r\n';
    const diagnostics = await lint(new TextEncoder().encode(text), { only: 'yaml/syntax' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:6']);
    const script = recipe(...HEAD, ...SCRIPT).replace(/\n/g, '\r\n');
    const fixed = await fixText(script, (changed) => lintOutcome(changed));
    expect(fixed.text).toBe(recipe(...HEAD, ...SCRIPT.map((line) => `    ${line}`)).replace(/\n/g, '\r\n'));
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
    expect(await lint(recipe(...HEAD, ...SCRIPT.map((line) => `    ${line}`)), { only: ONLY })).toEqual([]);
  });
});
