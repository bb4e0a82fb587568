import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringWidth } from '../../src/text/width.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/src/bin.js');
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs the built command line in a pseudo-terminal of `columns` columns (util-linux `script`); returns what it showed. */
function inTerminal(args: string[], columns: number, env: NodeJS.ProcessEnv = {}): string {
  const command = `stty cols ${columns} rows 24; exec ${[process.execPath, bin, ...args].map(quote).join(' ')}`;
  const base: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', GITHUB_ACTIONS: '' };
  for (const name of ['CI', 'COLUMNS', 'NO_COLOR', 'FORCE_COLOR', 'FORCE_HYPERLINK']) delete base[name];
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000 });
  return result.stdout.replaceAll('\r\n', '\n');
}

function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A line as the terminal shows it: without colour and hyperlink escape sequences. */
function visible(line: string): string {
  return line.replace(/\u001B\]8;;[^\u001B]*\u001B\\/g, '').replace(/\u001B\[[0-9;]*m/g, '');
}

const PATH_LINE = /^recipes-examples\/[^ ]+\.yaml$/;

describe.skipIf(!hasScript)('stylish output in an 80-column terminal', () => {
  const shown = inTerminal(['recipes-examples/'], 80);
  const lines = shown.split('\n').map(visible);

  it('has no line wider than 80 columns except a bare path', () => {
    expect(lines.filter((line) => line.startsWith('  ')).length).toBeGreaterThan(30);
    const wide = lines.filter((line) => stringWidth(line) > 80 && !PATH_LINE.test(line));
    expect(wide).toEqual([]);
  });

  it('prints each path once, then line:col, severity, message and rule id rows', () => {
    const start = lines.indexOf('recipes-examples/broken/static.official.stable.yaml');
    expect(lines.slice(start, start + 8)).toEqual([
      'recipes-examples/broken/static.official.stable.yaml',
      "  11:1  warning  Duplicate key 'pkg': the builder keeps the later value and",
      '                 silently drops the earlier one; remove or rename the repeated',
      "                 key  yaml/duplicate-key",
      "                 ↳ 5:1: the first 'pkg'",
      '  18:1  warning  YAML document 2 is ignored: only the first document of a file',
      '                 is the recipe; remove it or move it to its own file',
      '                 yaml/multiple-documents',
    ]);
    expect(lines.filter((line) => line === 'recipes-examples/broken/static.official.stable.yaml')).toHaveLength(1);
  });

  it('colours the severities and makes rule ids hyperlinks to their documentation', () => {
    expect(shown).toContain('\u001B[31merror  \u001B[39m');
    expect(shown).toContain('\u001B]8;;https://github.com/fim-lint/fim-lint/blob/main/docs/rules/yaml/duplicate-key.md\u001B\\yaml/duplicate-key\u001B]8;;\u001B\\');
    expect(shown).toContain('\u001B]8;;https://www.shellcheck.net/wiki/SC2164\u001B\\shell/SC2164\u001B]8;;\u001B\\');
  });

  it('follows the width of a wider terminal', () => {
    const wide = inTerminal(['recipes-examples/broken'], 200).split('\n').map(visible);
    expect(wide).toContain("  11:1  warning  Duplicate key 'pkg': the builder keeps the later value and silently drops the earlier one; remove or rename the repeated key  yaml/duplicate-key");
  });

  it('leaves out colour with NO_COLOR and hyperlinks in CI logs, and fits a narrow terminal', () => {
    const plain = inTerminal(['recipes-examples/'], 40, { NO_COLOR: '1', CI: 'true' });
    expect(plain).not.toContain('\u001B');
    const wide = plain.split('\n').filter((line) => stringWidth(line) > 40 && !PATH_LINE.test(line));
    expect(wide).toEqual([]);
  });

  it('fits --help into 80 columns', () => {
    const help = inTerminal(['--help'], 80).split('\n');
    expect(help.length).toBeGreaterThan(30);
    expect(help.filter((line) => stringWidth(line) > 80)).toEqual([]);
  });
});
