import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaleFileError, writeFileAtomic } from '../../src/fix/write.js';

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

  it('writes through a symbolic link, which stays a link', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-write-'));
    writeFileSync(join(directory, 'real.yaml'), 'old\n');
    symlinkSync('real.yaml', join(directory, 'link.yaml'));
    await writeFileAtomic(join(directory, 'link.yaml'), bytes('new\n'));
    expect(readFileSync(join(directory, 'real.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(directory).sort()).toEqual(['link.yaml', 'real.yaml']);
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
