import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotARegularFileError, StaleFileError, writeFileAtomic, writePiecesAtomic } from '../../src/fix/write.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-write-'));
    const path = join(directory, 'r.yaml');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, bytes('new\n'), bytes('old\n'));
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(directory)).toEqual(['r.yaml']);
  });

  it('refuses to write through a symbolic link, and leaves the link and its target as they are', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-write-'));
    writeFileSync(join(directory, 'real.yaml'), 'old\n');
    symlinkSync('real.yaml', join(directory, 'link.yaml'));
    await expect(writeFileAtomic(join(directory, 'link.yaml'), bytes('new\n'))).rejects.toThrow(
      new NotARegularFileError('it is a symbolic link, and fim-lint never writes through a link'),
    );
    expect(readFileSync(join(directory, 'real.yaml'), 'utf8')).toBe('old\n');
    expect(lstatSync(join(directory, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(directory).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  it('writes a report made in pieces, replacing a regular file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-write-'));
    writeFileSync(join(directory, 'out.json'), 'a longer old report\n');
    await writePiecesAtomic(join(directory, 'out.json'), ['[', '1', ']\n']);
    expect(readFileSync(join(directory, 'out.json'), 'utf8')).toBe('[1]\n');
    expect(readdirSync(directory)).toEqual(['out.json']);
  });

  it('leaves a file alone that changed since it was read', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-write-'));
    const path = join(directory, 'r.yaml');
    writeFileSync(path, 'edited meanwhile\n');
    await expect(writeFileAtomic(path, bytes('fixed\n'), bytes('old\n'))).rejects.toBeInstanceOf(StaleFileError);
    expect(readFileSync(path, 'utf8')).toBe('edited meanwhile\n');
    expect(readdirSync(directory)).toEqual(['r.yaml']);
  });
});
