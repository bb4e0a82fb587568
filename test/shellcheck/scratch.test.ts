import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeLeftBehind, scratchRoots, writeScratchScripts } from '../../src/shellcheck/scratch.js';

const made: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'fim-lint-scratch-test-'));
  made.push(folder);
  return folder;
};
afterEach(() => made.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('scratchRoots', () => {
  it.skipIf(!existsSync('/dev/shm'))('puts memory first on Linux when TMPDIR is not set', () => {
    expect(scratchRoots({}, 'linux')).toEqual(['/dev/shm', tmpdir()]);
  });

  it("keeps the user's TMPDIR, and the temp folder elsewhere than Linux", () => {
    expect(scratchRoots({ TMPDIR: '/somewhere' }, 'linux')).toEqual([tmpdir()]);
    expect(scratchRoots({}, 'darwin')).toEqual([tmpdir()]);
  });
});

describe('writeScratchScripts', () => {
  it('writes each script, byte for byte, to a file of its own in a new private folder, and removes the folder', () => {
    const root = newFolder();
    const scripts = ['echo one\n', 'printf "%s" "d\u00e9j\u00e0"', ''];
    const scratch = writeScratchScripts(scripts, [root]);
    expect(dirname(scratch.directory)).toBe(root);
    expect(statSync(scratch.directory).mode & 0o777).toBe(0o700);
    expect(scratch.files.map((file) => readFileSync(file, 'utf8'))).toEqual(scripts);
    scratch.remove();
    expect(existsSync(scratch.directory)).toBe(false);
  });

  it('goes on to the next root when one refuses, and does not try that one again', () => {
    const refusing = join(newFolder(), 'a-file');
    writeFileSync(refusing, '');
    const fallback = newFolder();
    const first = writeScratchScripts(['echo'], [refusing, fallback]);
    expect(dirname(first.directory)).toBe(fallback);
    first.remove();
    // Now a folder that would take the scripts: it was refused once, so the run keeps to the fallback.
    rmSync(refusing);
    mkdirSync(refusing);
    const second = writeScratchScripts(['echo'], [refusing, fallback]);
    expect(dirname(second.directory)).toBe(fallback);
    second.remove();
  });

  it('throws when no root takes the scripts', () => {
    const refusing = join(newFolder(), 'a-file');
    writeFileSync(refusing, '');
    expect(() => writeScratchScripts(['echo'], [refusing])).toThrow(/ENOTDIR/);
  });
});

describe('removeLeftBehind', () => {
  const hourAndMore = Date.now() + 61 * 60 * 1000;
  /** A pid no process has: past the kernel's largest. */
  const gone = 4_194_305;

  it('removes the folders of runs that are gone, once an hour old, and keeps every other', () => {
    const root = newFolder();
    const folder = (name: string) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, '0.sh'), 'echo');
      return name;
    };
    const leftBehind = folder(`fim-lint-shellcheck-${gone}-abc123`);
    const running = folder(`fim-lint-shellcheck-${process.pid}-abc123`);
    const older = folder('fim-lint-shellcheck-abc123');
    const other = folder(`other-${gone}-abc123`);
    writeFileSync(join(root, `fim-lint-shellcheck-${gone}-file`), '');

    removeLeftBehind(root, Date.now());
    expect(readdirSync(root).sort()).toEqual([leftBehind, older, other, running, `fim-lint-shellcheck-${gone}-file`].sort());
    removeLeftBehind(root, hourAndMore);
    expect(readdirSync(root).sort()).toEqual([older, other, running, `fim-lint-shellcheck-${gone}-file`].sort());
  });

  it('names its folders after the process, so that a later run can tell them', () => {
    const scratch = writeScratchScripts(['echo'], [newFolder()]);
    expect(scratch.directory).toMatch(new RegExp(`/fim-lint-shellcheck-${process.pid}-[^/]+$`));
    scratch.remove();
  });

  it('leaves a root it cannot read alone', () => {
    expect(() => removeLeftBehind(join(newFolder(), 'missing'))).not.toThrow();
  });
});
