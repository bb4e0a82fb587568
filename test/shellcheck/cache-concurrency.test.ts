import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readEntries, type CacheEntries } from '../../src/cache/entries.js';
import { CACHE_FORMAT } from '../../src/shellcheck/cache-entries.js';
import { cacheKey, ResultCache } from '../../src/shellcheck/cache.js';

// Threads and processes load the compiled module (built by `npm test`), as fim-lint's worker threads do.
const built = fileURLToPath(new URL('../../dist/src/shellcheck/cache.js', import.meta.url));

const ROUNDS = 40;
const PER_ROUND = 20;

/**
 * A writer like a worker thread of a run: it appends result after result to its journal, while runs start (reading the
 * cache, and folding the journals they find, its own among them) in it and in the other writers.
 */
const writer = (location: string, name: string) => `
  const { ResultCache, cacheKey } = await import(${JSON.stringify(pathToFileURL(built).href)});
  const cache = new ResultCache(${JSON.stringify(location)});
  for (let round = 0; round < ${ROUNDS}; round++) {
    for (let index = 0; index < ${PER_ROUND}; index++) {
      cache.set([{ key: cacheKey('0.9.0', 'bash', '${name}-' + round + '-' + index), comments: [] }]);
    }
    await new ResultCache(${JSON.stringify(location)}).get('0'.repeat(64));
  }`;

function inThread(code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`(async () => {${code}})();`, { eval: true });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`thread exited with ${code}`))));
  });
}

function inProcess(code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', code], (error, _stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve()));
  });
}

describe.skipIf(!existsSync(built))('the ShellCheck result cache with concurrent writers', () => {
  it('loses no entry and leaves no damaged or temporary file when threads and processes write and fold at once', async () => {
    const location = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const writers = ['thread-1', 'thread-2', 'thread-3', 'process-1', 'process-2'];
    await Promise.all(writers.map((name) => (name.startsWith('thread') ? inThread : inProcess)(writer(location, name))));

    const cache = new ResultCache(location);
    const missing: string[] = [];
    for (const name of writers) {
      for (let round = 0; round < ROUNDS; round++) {
        for (let index = 0; index < PER_ROUND; index++) {
          if ((await cache.get(cacheKey('0.9.0', 'bash', `${name}-${round}-${index}`))) === undefined) missing.push(`${name}-${round}-${index}`);
        }
      }
    }
    expect(missing).toEqual([]);
    const directory = join(location, 'shellcheck');
    expect(readdirSync(directory)).toEqual([`results-v${CACHE_FORMAT}.txt`]);
    const entries: CacheEntries = new Map();
    expect(readEntries(readFileSync(join(directory, `results-v${CACHE_FORMAT}.txt`), 'utf8'), entries)).toEqual({ skipped: 0 });
    expect(entries.size).toBe(writers.length * ROUNDS * PER_ROUND);
  });
});
