import { createHash, createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { CacheDirectory } from '../cache/cache-directory.js';
import { dayNumber, formatEntry, useEntry, type CacheEntries } from '../cache/entries.js';
import { CACHE_FORMAT, parseComments, SHELLCHECK_CACHE_LIMITS } from './cache-entries.js';
import { cacheSecret } from './cache-secret.js';
import type { ShellCheckComment } from './runner.js';

/** The cache key of a script: everything its findings depend on. */
export function cacheKey(shellcheckVersion: string, shell: string, input: string): string {
  return createHash('sha256').update(JSON.stringify([CACHE_FORMAT, shellcheckVersion, shell, input])).digest('hex');
}

/** The key an entry of a script is stored under, in a cache with this secret. */
export function signedKey(secret: Buffer, key: string): string {
  return createHmac('sha256', secret).update(key).digest('hex');
}

/**
 * ShellCheck findings kept between runs in `<location>/shellcheck/` (see `CacheDirectory`). The files are read once,
 * at the first lookup; each result found is appended to this cache's own journal at once. Nothing about the cache can
 * fail a run: what cannot be read is a miss, what cannot be written is lost.
 */
export class ResultCache {
  readonly #directory: CacheDirectory;
  readonly #journal: string;
  #loading: Promise<CacheEntries> | undefined;
  /** Lines of entries whose day of use is to be refreshed on disk. */
  #refreshed: string[] = [];

  readonly #location: string;
  #secret: Buffer | undefined;

  constructor(location: string) {
    this.#location = location;
    this.#directory = new CacheDirectory(join(location, 'shellcheck'), {
      format: CACHE_FORMAT,
      limits: SHELLCHECK_CACHE_LIMITS,
      isValid: (data) => parseComments(data) !== undefined,
    });
    this.#journal = this.#directory.journalName(`${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`);
  }

  /**
   * The key an entry is stored under: the script's key signed with this cache's secret. An entry written by anyone
   * without the secret (a cache committed to a repository) is never found, so it cannot hide findings.
   */
  #entryKey(key: string): string {
    this.#secret ??= cacheSecret(this.#location);
    return signedKey(this.#secret, key);
  }

  async get(scriptKey: string): Promise<ShellCheckComment[] | undefined> {
    const key = this.#entryKey(scriptKey);
    this.#loading ??= this.#directory.load(dayNumber()).catch(() => new Map());
    const entries = await this.#loading;
    return useEntry(entries, key, parseComments, (line) => this.#refresh(line));
  }

  /** Stores results: they are on disk when this returns. */
  set(results: readonly { key: string; comments: ShellCheckComment[] }[]): void {
    const used = dayNumber();
    this.#write(results.map(({ key, comments }) => formatEntry(this.#entryKey(key), { used, data: JSON.stringify(comments) })).join(''));
  }

  /** Refreshed days of use are written together, soon after: losing them only makes the entries age sooner. */
  #refresh(line: string): void {
    if (this.#refreshed.length === 0) {
      setImmediate(() => {
        this.#write(this.#refreshed.join(''));
        this.#refreshed = [];
      });
    }
    this.#refreshed.push(line);
  }

  #write(text: string): void {
    if (text === '') return;
    try {
      this.#directory.append(this.#journal, text);
    } catch {
      // A read-only or full disk: the next run checks these scripts again.
    }
  }
}
