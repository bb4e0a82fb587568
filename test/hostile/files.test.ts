import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duplicateKeyRecipe, GOOD_RECIPE, goodRecipe, idsByFile, jsonResults, runCli, tempTree } from './cli.js';

const directories: string[] = [];
function tree(files: Record<string, string | Uint8Array> = {}): string {
  const directory = tempTree(files);
  directories.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of directories) {
    chmodSync(directory, 0o755);
    rmSync(directory, { recursive: true, force: true });
  }
});

/** Deterministic pseudo-random bytes (a NUL among them), so that a failure can be reproduced. */
function binaryBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let index = 0; index < length; index++) bytes[index] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  bytes[100] = 0;
  return bytes;
}

describe('files that are not text recipes', () => {
  it('reports a binary file with a .yaml name, named or walked after a shebang, and lints the rest', () => {
    const shebangThenBinary = new Uint8Array([...new TextEncoder().encode('#!/SBUILD\n'), ...binaryBytes(2048)]);
    const directory = tree({ 'image.yaml': binaryBytes(4096), 'walked/disguised.yaml': shebangThenBinary, 'walked/good.yaml': GOOD_RECIPE });
    const run = runCli(['--format', 'json', join(directory, 'image.yaml'), join(directory, 'walked')]);
    expect(run.code).toBe(1);
    const [image, disguised, good] = jsonResults(run);
    expect(image!.messages).toEqual([expect.objectContaining({ ruleId: 'yaml/encoding', line: 1, column: 1, message: 'This is a binary file (NUL byte at byte 100), not a YAML recipe' })]);
    expect(disguised!.messages.map((m) => m.ruleId)).toEqual(['yaml/encoding']);
    expect(good!.messages).toEqual([]);
  });

  it('walks past a binary .yaml file that does not look like a recipe, counting it as skipped', () => {
    const directory = tree({ 'blob.yaml': binaryBytes(4096), 'good.yaml': GOOD_RECIPE });
    const run = runCli([directory]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 file checked');
    expect(run.stdout).toContain('1 file checked, 1 skipped (not recipes)');
  });

  it('points at the first invalid UTF-8 byte where an editor shows it', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('#!/SBUILD\npkg: "caf'), 0xe9, ...new TextEncoder().encode('"\n')]);
    const directory = tree({ 'latin1.yaml': latin1, 'good.yaml': GOOD_RECIPE });
    const run = runCli(['--format', 'json', directory]);
    expect(idsByFile(run)).toEqual({ [join(directory, 'good.yaml')]: [], [join(directory, 'latin1.yaml')]: ['yaml/encoding'] });
    const [, latin] = jsonResults(run);
    expect(latin!.messages[0]).toMatchObject({ line: 2, column: 10, message: 'The file is not valid UTF-8 (invalid byte 0xe9 at byte 19); recipes must be UTF-8 text' });
  });
});

describe('paths that cannot be read', () => {
  it('names a path whose parent is a file, exits 2, and lints the other files', () => {
    const directory = tree({ 'file.yaml': GOOD_RECIPE });
    const run = runCli(['--format', 'json', join(directory, 'file.yaml', 'child.yaml'), join(directory, 'file.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fim-lint: cannot read ${join(directory, 'file.yaml', 'child.yaml')}: a parent of this path is a file, not a directory\n`);
    expect(jsonResults(run).map((result) => result.filePath)).toEqual([join(directory, 'file.yaml')]);
  });

  it.skipIf(!existsSync('/proc/self/mem'))('names a regular file whose read fails after it was found (/proc/self/mem), exits 2, and lints the rest', () => {
    const directory = tree({ 'good.yaml': GOOD_RECIPE });
    const run = runCli(['--format', 'json', '/proc/self/mem', join(directory, 'good.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fim-lint: cannot read /proc/self/mem: input/output error while reading\n');
    expect(jsonResults(run).map((result) => result.filePath)).toEqual([join(directory, 'good.yaml')]);
  });

  it.skipIf(process.getuid?.() === 0)('names a file without read permission (not as root, where permissions do not stop reads)', () => {
    const directory = tree({ 'secret.yaml': GOOD_RECIPE, 'good.yaml': GOOD_RECIPE });
    chmodSync(join(directory, 'secret.yaml'), 0o000);
    const run = runCli(['--format', 'json', directory]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fim-lint: cannot read ${join(directory, 'secret.yaml')}: permission denied\n`);
    expect(jsonResults(run).map((result) => result.filePath)).toEqual([join(directory, 'good.yaml')]);
  });

  it('ends a directory symlink loop and a file symlink loop, linting each real file once', () => {
    const directory = tree({ 'a/recipe.yaml': GOOD_RECIPE, 'a/b/deeper.yaml': goodRecipe('deeper') });
    symlinkSync('..', join(directory, 'a', 'b', 'up'));
    symlinkSync('.', join(directory, 'a', 'self'));
    symlinkSync(join(directory, 'a'), join(directory, 'a', 'b', 'back'));
    symlinkSync('loop2.yaml', join(directory, 'loop1.yaml'));
    symlinkSync('loop1.yaml', join(directory, 'loop2.yaml'));
    const walked = runCli(['--format', 'json', directory], { timeoutMs: 20_000 });
    expect(walked.signal).toBeNull();
    expect(walked.code).toBe(0);
    expect(jsonResults(walked).map((result) => result.filePath)).toEqual([join(directory, 'a/b/deeper.yaml'), join(directory, 'a/recipe.yaml')]);

    const named = runCli(['--format', 'json', join(directory, 'loop1.yaml'), join(directory, 'a/recipe.yaml')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(`fim-lint: cannot read ${join(directory, 'loop1.yaml')}: too many levels of symbolic links\n`);
    expect(jsonResults(named)).toHaveLength(1);
  });

  it('never opens a FIFO: a named one is not a regular file, a walked one is passed over, and nothing hangs', () => {
    const directory = tree({ 'good.yaml': GOOD_RECIPE });
    mkdirSync(join(directory, 'sub'));
    execFileSync('mkfifo', [join(directory, 'pipe.yaml'), join(directory, 'sub', 'pipe.SBUILD')]);
    symlinkSync(join(directory, 'pipe.yaml'), join(directory, 'link-to-pipe.yaml'));
    const named = runCli(['--format', 'json', join(directory, 'pipe.yaml'), join(directory, 'good.yaml')], { timeoutMs: 20_000 });
    expect(named.signal).toBeNull();
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(`fim-lint: ${join(directory, 'pipe.yaml')} is not a regular file\n`);
    expect(jsonResults(named)).toHaveLength(1);

    const walked = runCli(['--format', 'json', directory], { timeoutMs: 20_000 });
    expect(walked.signal).toBeNull();
    expect(walked.code).toBe(0);
    expect(jsonResults(walked).map((result) => result.filePath)).toEqual([join(directory, 'good.yaml')]);
  });
});

describe('unusual path names', () => {
  it('lints and reports paths with spaces and non-ASCII characters exactly as named', () => {
    const names = ['with space/my recipe.yaml', 'ünïcödé/café ☕.yaml', '名前/レシピ.yaml', "quote'and\"dollar$/x.yaml"];
    const directory = tree(Object.fromEntries(names.map((name, index) => [name, duplicateKeyRecipe(`odd${index}`)])));
    const run = runCli(['--format', 'json', directory]);
    expect(run.code).toBe(0);
    const ids = idsByFile(run);
    expect(Object.keys(ids).sort()).toEqual(names.map((name) => join(directory, name)).sort());
    for (const name of names) expect(ids[join(directory, name)], name).toEqual(['yaml/duplicate-key']);

    const stylish = runCli([join(directory, names[1]!)], { cwd: directory });
    expect(stylish.stdout).toContain('ünïcödé/café ☕.yaml');
    expect(stylish.stdout).toMatch(/^ {2}4:1 {2}warning {2}Duplicate key 'pkg'/m);
  });

  it.skipIf(process.platform !== 'linux')('says a walked name that is not valid UTF-8 cannot be read, and lints the rest; a name that holds U+FFFD is linted', () => {
    const directory = tree({ 'good.yaml': GOOD_RECIPE, 'real\uFFFD.yaml': duplicateKeyRecipe('replacement') });
    const odd = (name: string) => Buffer.concat([Buffer.from(`${directory}/`), Buffer.from(name, 'latin1')]);
    writeFileSync(odd('bad\xff.yaml'), GOOD_RECIPE);
    mkdirSync(odd('dir\xfe'));
    writeFileSync(odd('notes\xff.txt'), 'not a recipe');
    const run = runCli(['--format', 'json', directory]);
    expect(run.code).toBe(2);
    expect(Object.keys(idsByFile(run)).sort()).toEqual([join(directory, 'good.yaml'), join(directory, 'real\uFFFD.yaml')]);
    expect(run.stderr).toContain(`cannot read ${join(directory, 'bad\uFFFD.yaml')}: its name is not valid UTF-8`);
    expect(run.stderr).toContain(`cannot read ${join(directory, 'dir\uFFFD')}: its name is not valid UTF-8`);
    expect(run.stderr).not.toContain('notes');
  });
});
