import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheDirectory } from '../../src/cache/cache-directory.js';
import { dayNumber, formatEntry } from '../../src/cache/entries.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-directory-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const DAY_S = 86_400;
const kind = (id: string, keepOthersDays = 30) => ({ format: 3, generation: { id, keepOthersDays }, limits: { maxAgeDays: 30, maxEntries: 100 }, isValid: () => true });
const entry = (key: string) => formatEntry(key.repeat(64), { used: dayNumber(), data: '[]' });

function writeAged(name: string, text: string, days: number): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  const time = Date.now() / 1000 - days * DAY_S;
  utimesSync(path, time, time);
  return path;
}

describe('cache generations', () => {
  it("reads only its own generation's entries, and removes another's files once unused for 30 days", async () => {
    writeAged('results-v3-aaaa.txt', entry('a'), 0);
    writeAged('results-v3-bbbb.txt', entry('b'), 31);
    writeAged('journal-v3-bbbb-1-x.txt', entry('b'), 31);
    writeAged('journal-v3-cccc-1-x.txt', entry('c'), 0);
    const entries = await new CacheDirectory(directory, kind('cccc')).load(dayNumber());
    expect([...entries.keys()]).toEqual(['c'.repeat(64)]);
    expect(existsSync(join(directory, 'results-v3-aaaa.txt'))).toBe(true);
    expect(existsSync(join(directory, 'results-v3-bbbb.txt'))).toBe(false);
    expect(existsSync(join(directory, 'journal-v3-bbbb-1-x.txt'))).toBe(false);
    expect(existsSync(join(directory, 'results-v3-cccc.txt'))).toBe(true);
    expect([...(await new CacheDirectory(directory, kind('aaaa')).load(dayNumber())).keys()]).toEqual(['a'.repeat(64)]);
  });

  it("removes another generation's files at once when it keeps none", async () => {
    writeAged('results-v3-aaaa.txt', entry('a'), 0);
    writeAged('journal-v3-cccc-1-x.txt', entry('c'), 0);
    await new CacheDirectory(directory, kind('cccc', 0)).load(dayNumber());
    expect(existsSync(join(directory, 'results-v3-aaaa.txt'))).toBe(false);
    expect(existsSync(join(directory, 'results-v3-cccc.txt'))).toBe(true);
  });

  it('keeps the results file of a generation in use looking used, without touching what a link points to', async () => {
    const results = writeAged('results-v3-aaaa.txt', entry('a'), 8);
    await new CacheDirectory(directory, kind('aaaa')).load(dayNumber());
    expect(Date.now() - statSync(results).mtimeMs).toBeLessThan(60_000);

    const elsewhere = join(directory, 'elsewhere');
    mkdirSync(elsewhere);
    const victim = writeAged('elsewhere/victim.txt', entry('e'), 8);
    const link = join(elsewhere, 'results-v3-dddd.txt');
    symlinkSync(victim, link);
    await new CacheDirectory(elsewhere, kind('dddd')).load(dayNumber());
    expect(Date.now() - statSync(victim).mtimeMs).toBeGreaterThan(7 * DAY_S * 1000);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});
