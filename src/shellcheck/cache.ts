import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CacheDirectory } from '../cache/cache-directory.js';
import { dayNumber, formatEntry, useEntry } from '../cache/entries.js';
import { CACHE_FORMAT, parseComments, SHELLCHECK_CACHE_LIMITS } from './cache-entries.js';
import type { ShellCheckComment } from './runner.js';

/** The cache key of a script: everything its findings depend on. */
export function cacheKey(shellcheckVersion: string, shell: string, input: string): string {
  return createHash('sha256').update(JSON.stringify([CACHE_FORMAT, shellcheckVersion, shell, input])).digest('hex');
}

/**
 * ShellCheck findings kept between runs in `<location>/shellcheck/` (see `CacheDirectory`). The files are read once,
 * at the first lookup; each result found is appended to this cache's own journal at once. Nothing about the cache can
 * fail a run: what cannot be read is a miss, what cannot be written is lost.
 */
export class ResultCache {
  readonly #directory: CacheDirectory;
  /** Whether refreshed days of use wait to be written. */
  #refreshing = false;

  constructor(location: string) {
    this.#directory = new CacheDirectory(join(location, 'shellcheck'), {
      format: CACHE_FORMAT,
      limits: SHELLCHECK_CACHE_LIMITS,
      isValid: (data) => parseComments(data) !== undefined,
    });
  }

  async get(scriptKey: string): Promise<ShellCheckComment[] | undefined> {
    const key = this.#directory.signedKey(scriptKey);
    const entries = await this.#directory.entries();
    return useEntry(entries, key, parseComments, (line) => this.#refresh(line));
  }

  /** Stores results: they are on disk when this returns. What cannot be written is checked again by the next run. */
  set(results: readonly { key: string; comments: ShellCheckComment[] }[]): void {
    const used = dayNumber();
    for (const { key, comments } of results) this.#directory.queue(formatEntry(this.#directory.signedKey(key), { used, data: JSON.stringify(comments) }));
    this.#directory.flush();
  }

  /** Refreshed days of use are written together, soon after: losing them only makes the entries age sooner. */
  #refresh(line: string): void {
    this.#directory.queue(line);
    if (this.#refreshing) return;
    this.#refreshing = true;
    setImmediate(() => {
      this.#refreshing = false;
      this.#directory.flush();
    });
  }
}
