import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShellCheckComment } from './runner.js';

/** Bumped whenever what is stored, or how a script is handed to ShellCheck, changes. */
const CACHE_FORMAT = 1;

/** The cache key of a script: everything its findings depend on. */
export function cacheKey(shellcheckVersion: string, shell: string, input: string): string {
  return createHash('sha256').update(JSON.stringify([CACHE_FORMAT, shellcheckVersion, shell, input])).digest('hex');
}

/**
 * ShellCheck findings on disk, one plain JSON file per key. Entries are written to a temporary file and renamed
 * into place, so concurrent runs never read a half-written entry; an unreadable entry is a miss.
 */
export class ResultCache {
  readonly #directory: string;
  #ready: Promise<unknown> | undefined;

  constructor(directory: string) {
    this.#directory = join(directory, 'shellcheck');
  }

  async get(key: string): Promise<ShellCheckComment[] | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.#path(key), 'utf8')) as unknown;
      return Array.isArray(entry) ? (entry as ShellCheckComment[]) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry; a failure (read-only disk, full disk) only costs the next run its cache hit. */
  async set(key: string, comments: ShellCheckComment[]): Promise<void> {
    const temporary = `${this.#path(key)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      this.#ready ??= mkdir(this.#directory, { recursive: true });
      await this.#ready;
      await writeFile(temporary, JSON.stringify(comments));
      await rename(temporary, this.#path(key));
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  #path(key: string): string {
    return join(this.#directory, `${key}.json`);
  }
}
