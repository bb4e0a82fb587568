import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/src/bin.js');
const hasNeovim = spawnSync('nvim', ['--version']).status === 0;
if (!hasNeovim) console.warn('Neovim test skipped: the `nvim` command is not installed (apt-get install neovim)');

/** The hello example with a category line that has wide non-ASCII text before the second problem. */
function recipeWithWideText(): string {
  const directory = mkdtempSync(join(tmpdir(), 'fim-lint-columns-'));
  const text = readFileSync(join(root, 'recipes-examples/hello/static.official.stable.yaml'), 'utf8').replace(/category:\n(?: {2}- .*\n)+/, 'category: ["開発ツール", "CLI"]\n');
  writeFileSync(join(directory, 'static.official.stable.yaml'), text);
  return directory;
}

function gccLines(directory: string, args: string[] = []): string[] {
  const run = spawnSync(process.execPath, [bin, '--no-shellcheck', '--format', 'gcc', ...args, 'static.official.stable.yaml'], { cwd: directory, encoding: 'utf8' });
  return run.stdout.trimEnd().split('\n');
}

describe('columns of the gcc format', () => {
  const directory = recipeWithWideText();

  it('count UTF-8 bytes by default, and UTF-16 code units or terminal cells with --column-unit', () => {
    const position = (line: string | undefined) => /^static\.official\.stable\.yaml:(\d+:\d+): error: 'CLI'/.exec(line ?? '')?.[1];
    expect(position(gccLines(directory)[1])).toBe('8:31');
    expect(position(gccLines(directory, ['--column-unit', 'byte'])[1])).toBe('8:31');
    expect(position(gccLines(directory, ['--column-unit', 'utf-16'])[1])).toBe('8:21');
    expect(position(gccLines(directory, ['--column-unit', 'display'])[1])).toBe('8:26');
    const wrong = spawnSync(process.execPath, [bin, '--column-unit', 'chars', 'x.yaml'], { cwd: directory, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("invalid --column-unit 'chars': expected byte, utf-16, display");
  });

  it.skipIf(!hasNeovim)('put the Neovim cursor on the problem after wide text, with the errorformat of docs/editors.md', () => {
    writeFileSync(join(directory, 'out.txt'), `${gccLines(directory).join('\n')}\n`);
    const errorformat = /`:set errorformat=([^`]+)`/.exec(readFileSync(join(root, 'docs/editors.md'), 'utf8'))![1]!;
    const script = [
      `set errorformat=${errorformat}`,
      'cfile out.txt',
      'cc 2',
      'call writefile([line(".") . ":" . col(".") . ":" . strpart(getline("."), col(".") - 1, 5) . ":" . getqflist()[1].type], "cursor.txt")',
      'qa!',
    ];
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', ...script.flatMap((command) => ['-c', command])], { cwd: directory, encoding: 'utf8', timeout: 30_000, input: '' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(directory, 'cursor.txt'), 'utf8')).toBe('8:31:"CLI":e\n');
  });

  it.skipIf(!hasNeovim)('keep info-level problems in Neovim as notes', () => {
    const gcc = spawnSync(process.execPath, [bin, '--no-shellcheck', '--format', 'gcc', 'recipes-examples/greeter'], { cwd: root, encoding: 'utf8' });
    writeFileSync(join(directory, 'greeter.txt'), gcc.stdout);
    const errorformat = /`:set errorformat=([^`]+)`/.exec(readFileSync(join(root, 'docs/editors.md'), 'utf8'))![1]!;
    const script = [`set errorformat=${errorformat}`, 'cfile greeter.txt', 'call writefile(map(getqflist(), {_, e -> e.lnum . ":" . e.type}), "types.txt")', 'qa!'];
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', ...script.flatMap((command) => ['-c', command])], { cwd: directory, encoding: 'utf8', timeout: 30_000, input: '' });
    expect(run.status, run.stderr).toBe(0);
    const types = readFileSync(join(directory, 'types.txt'), 'utf8').trimEnd().split('\n');
    expect(types).toHaveLength(gcc.stdout.trimEnd().split('\n').length);
    expect(types).toContain('21:n');
    expect(new Set(types.map((entry) => entry.split(':')[1]))).toEqual(new Set(['e', 'w', 'n']));
  });
});
