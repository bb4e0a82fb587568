import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { dayNumber, formatEntry, keptEntries, MAX_AGE_DAYS, readEntries, REFRESH_AFTER_DAYS, type CacheEntries } from '../../src/cache/entries.js';
import { STALE_LOCK_MS } from '../../src/cache/lock.js';
import { CACHE_FORMAT, parseComments } from '../../src/shellcheck/cache-entries.js';
import { cacheKey, ResultCache } from '../../src/shellcheck/cache.js';
import { cacheSecret, SECRET_FILE, signedKey, userSecretPath } from '../../src/cache/secret.js';
import type { ShellCheckComment } from '../../src/shellcheck/runner.js';

const RESULTS = `results-v${CACHE_FORMAT}.txt`;

const comment = (code: number, message = `finding ${code}`): ShellCheckComment => ({
  line: 1,
  column: 6,
  endLine: 1,
  endColumn: 10,
  level: 'warning',
  code,
  message,
  fix: null,
});

const key = (name: string) => cacheKey('0.9.0', 'bash', name);
const isComments = (data: string) => parseComments(data) !== undefined;
const newLocation = () => mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
const filesIn = (location: string) => readdirSync(join(location, 'shellcheck')).sort();
const resultsText = (location: string) => readFileSync(join(location, 'shellcheck', RESULTS), 'utf8');

describe('the ShellCheck result cache', () => {
  it('misses what it never stored and hits, in a later run, what it stored', async () => {
    const location = newLocation();
    const first = new ResultCache(location);
    expect(await first.get(key('a'))).toBeUndefined();
    first.set([
      { key: key('a'), comments: [comment(2154)] },
      { key: key('b'), comments: [] },
    ]);
    const later = new ResultCache(location);
    expect(await later.get(key('a'))).toEqual([comment(2154)]);
    expect(await later.get(key('b'))).toEqual([]);
    expect(await later.get(key('c'))).toBeUndefined();
  });

  it('writes its files in ASCII, characters beyond it as JSON escapes that read back the same', () => {
    const data = JSON.stringify([{ message: 'en dash – ellipsis … emoji 😀' }]);
    const line = formatEntry(key('a'), { used: 1, data });
    expect(line).toBe(`${key('a')} 1 [{"message":"en dash \\u2013 ellipsis \\u2026 emoji \\ud83d\\ude00"}]\n`);
    const entries: CacheEntries = new Map();
    readEntries(line, entries);
    expect(JSON.parse(entries.get(key('a'))!.data)).toEqual(JSON.parse(data));
  });

  it('keys by ShellCheck version, shell and script text', () => {
    const keys = [cacheKey('0.9.0', 'bash', 'echo $a'), cacheKey('0.10.0', 'bash', 'echo $a'), cacheKey('0.9.0', 'sh', 'echo $a'), cacheKey('0.9.0', 'bash', 'echo $b')];
    expect(new Set(keys).size).toBe(4);
    expect(cacheKey('0.9.0', 'bash', 'echo $a')).toBe(keys[0]);
  });

  it('writes each run to a journal at once, and the next run folds the journals into one results file', async () => {
    const location = newLocation();
    const runs = [new ResultCache(location), new ResultCache(location)];
    runs[0]!.set([{ key: key('a'), comments: [comment(1)] }]);
    runs[1]!.set([{ key: key('b'), comments: [comment(2)] }]);
    expect(filesIn(location)).toEqual([expect.stringMatching(/^journal-v\d+-.+\.txt$/), expect.stringMatching(/^journal-v\d+-.+\.txt$/)]);

    const next = new ResultCache(location);
    expect(await next.get(key('a'))).toEqual([comment(1)]);
    expect(filesIn(location)).toEqual([RESULTS]);
    expect(resultsText(location).split('\n').filter(Boolean)).toHaveLength(2);
    expect(await new ResultCache(location).get(key('b'))).toEqual([comment(2)]);
  });

  it('ignores a corrupt results file, and rewrites it', async () => {
    const location = newLocation();
    new ResultCache(location).set([{ key: key('a'), comments: [comment(1)] }]);
    expect(await new ResultCache(location).get(key('a'))).toEqual([comment(1)]);
    const intact = resultsText(location);

    writeFileSync(join(location, 'shellcheck', RESULTS), '\0\0{not a cache\n');
    expect(await new ResultCache(location).get(key('a'))).toBeUndefined();
    expect(resultsText(location)).toBe('');

    // A torn last line loses that entry only; an entry whose findings are not ShellCheck's is a miss.
    const damaged = formatEntry(key('b'), { used: dayNumber(), data: JSON.stringify([{ line: 'one' }]) });
    writeFileSync(join(location, 'shellcheck', RESULTS), damaged + intact + intact.slice(0, 40));
    const cache = new ResultCache(location);
    expect(await cache.get(key('a'))).toEqual([comment(1)]);
    expect(await cache.get(key('b'))).toBeUndefined();
    expect(resultsText(location)).toBe(intact);
  });

  it('still reads a file written before its entries were ASCII', async () => {
    const location = newLocation();
    new ResultCache(location).set([{ key: key('a'), comments: [comment(1)] }]);
    await new ResultCache(location).get(key('a'));
    writeFileSync(join(location, 'shellcheck', RESULTS), resultsText(location).replace('finding 1', 'finding – 1 😀'));
    expect(await new ResultCache(location).get(key('a'))).toEqual([comment(1, 'finding – 1 😀')]);
  });

  it('never fails the run when the cache cannot be read or written', async () => {
    const location = newLocation();
    writeFileSync(join(location, 'shellcheck'), 'a file where the cache directory should be');
    const cache = new ResultCache(location);
    expect(await cache.get(key('a'))).toBeUndefined();
    expect(() => cache.set([{ key: key('a'), comments: [comment(1)] }])).not.toThrow();
    expect(await new ResultCache(location).get(key('a'))).toBeUndefined();
  });

  it('removes the files of the cache format of one file per script', async () => {
    const location = newLocation();
    mkdirSync(join(location, 'shellcheck'));
    writeFileSync(join(location, 'shellcheck', `${key('old')}.json`), '[]');
    writeFileSync(join(location, 'shellcheck', `${key('old')}.json.123.abcd.tmp`), '[');
    writeFileSync(join(location, 'shellcheck', 'notes.md'), 'not ours');
    expect(await new ResultCache(location).get(key('old'))).toBeUndefined();
    expect(filesIn(location)).toEqual(['notes.md', RESULTS]);
  });

  it('refreshes the day of use of an old entry that is hit, and drops entries unused for long', async () => {
    const location = newLocation();
    const today = dayNumber();
    const stored = (name: string) => signedKey(cacheSecret(location), key(name));
    const entries = [
      formatEntry(stored('recent'), { used: today - 1, data: '[]' }),
      formatEntry(stored('old'), { used: today - REFRESH_AFTER_DAYS - 1, data: '[]' }),
      formatEntry(stored('forgotten'), { used: today - MAX_AGE_DAYS - 1, data: '[]' }),
    ];
    mkdirSync(join(location, 'shellcheck'));
    writeFileSync(join(location, 'shellcheck', RESULTS), entries.join(''));
    const cache = new ResultCache(location);
    expect(await cache.get(key('recent'))).toEqual([]);
    expect(await cache.get(key('old'))).toEqual([]);
    await nextTurn();
    // Nothing to fold on the first read; the refreshed day went to a journal, and the next run folds it.
    expect(await new ResultCache(location).get(key('forgotten'))).toBeUndefined();
    const kept: CacheEntries = new Map();
    readEntries(resultsText(location), kept);
    expect(kept).toEqual(
      new Map([
        [stored('recent'), { used: today - 1, data: '[]' }],
        [stored('old'), { used: today, data: '[]' }],
      ]),
    );
  });

  it('keeps at most the given number of entries, the most recently used', () => {
    const entries: CacheEntries = new Map([
      ['a', { used: 100, data: '[]' }],
      ['b', { used: 103, data: '[]' }],
      ['c', { used: 101, data: 'not json' }],
      ['d', { used: 102, data: '[]' }],
      ['e', { used: 90, data: '[]' }],
    ]);
    expect(keptEntries(entries, 105, { maxAgeDays: 10, maxEntries: 2 }, isComments).map(([name]) => name)).toEqual(['b', 'd']);
    expect(keptEntries(entries, 105, { maxAgeDays: 10, maxEntries: 9 }, isComments).map(([name]) => name)).toEqual(['b', 'd', 'a']);
  });

  it('waits for another run folding the journals, and breaks a lock left by a run that died', async () => {
    const location = newLocation();
    new ResultCache(location).set([{ key: key('a'), comments: [comment(1)] }]);
    const lock = join(location, 'shellcheck', `compaction-v${CACHE_FORMAT}.lock`);
    writeFileSync(lock, '');
    const waiting = new ResultCache(location).get(key('a'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(filesIn(location)).toContain(`compaction-v${CACHE_FORMAT}.lock`);
    expect(filesIn(location).some((name) => name.startsWith('journal-'))).toBe(true);
    utimesSync(lock, new Date(Date.now() - STALE_LOCK_MS - 1000), new Date(Date.now() - STALE_LOCK_MS - 1000));
    expect(await waiting).toEqual([comment(1)]);
    expect(filesIn(location)).toEqual([RESULTS]);
  });

  it('finds no entry signed with a committed secret that a checkout made 0600 (umask 077): the user’s own secret signs too', async () => {
    const location = newLocation();
    mkdirSync(join(location, 'shellcheck'));
    const planted = Buffer.alloc(32, 7);
    writeFileSync(join(location, SECRET_FILE), planted, { mode: 0o600 });
    writeFileSync(join(location, 'shellcheck', RESULTS), formatEntry(signedKey(planted, key('b')), { used: dayNumber(), data: '[]' }));
    expect(await new ResultCache(location).get(key('b'))).toBeUndefined();
    // The secret file itself is kept: it is this user's and nobody else may read it.
    expect(readFileSync(join(location, SECRET_FILE))).toEqual(planted);
  });

  it('finds only entries signed with its own secret, which it trusts only as a file of mode 0600', async () => {
    const location = newLocation();
    // A cache committed to a repository: entries under the plain script keys, and a secret checked out as 0644.
    mkdirSync(join(location, 'shellcheck'));
    writeFileSync(join(location, 'shellcheck', RESULTS), formatEntry(key('a'), { used: dayNumber(), data: '[]' }));
    const planted = Buffer.alloc(32, 7);
    writeFileSync(join(location, SECRET_FILE), planted, { mode: 0o644 });
    writeFileSync(join(location, 'shellcheck', RESULTS), formatEntry(signedKey(planted, key('b')), { used: dayNumber(), data: '[]' }), { flag: 'a' });
    const cache = new ResultCache(location);
    expect(await cache.get(key('a'))).toBeUndefined();
    expect(await cache.get(key('b'))).toBeUndefined();
    expect(statSync(join(location, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(location, SECRET_FILE))).not.toEqual(planted);
    // Its own entries are found by the next run, which trusts the secret.
    cache.set([{ key: key('a'), comments: [comment(1)] }]);
    expect(await new ResultCache(location).get(key('a'))).toEqual([comment(1)]);
  });
});

describe('the user’s secret', () => {
  it('is kept with the user’s caches: under an absolute XDG_CACHE_HOME, else ~/.cache', () => {
    expect(userSecretPath({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/fim-lint/user.key');
    expect(userSecretPath({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'fim-lint', 'user.key'));
    expect(userSecretPath({})).toBe(join(homedir(), '.cache', 'fim-lint', 'user.key'));
  });
});
