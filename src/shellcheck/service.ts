import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ShellCheckSettings } from '../core/config.js';
import { cacheKey, ResultCache } from './cache.js';
import { findExecutable } from './executable.js';
import { checkBatch, shellcheckVersion, type ShellCheckComment } from './runner.js';
import { scriptLineCount, withBuilderVariables } from './variables.js';

/** At most this many scripts go to one ShellCheck process. */
const MAX_BATCH = 200;
/** A free process waits up to BATCH_WAIT_MS for this many scripts, rather than start on one or two. */
const MIN_BATCH = 16;
const BATCH_WAIT_MS = 10;

interface Job {
  key: string;
  shell: string;
  input: string;
  resolve(comments: ShellCheckComment[]): void;
  reject(error: unknown): void;
}

/**
 * Checks scripts with ShellCheck on behalf of every file of a run. Scripts are queued and sent in batches, one
 * ShellCheck process per batch, with as many processes at once as there are cores: a free process takes what has been
 * queued, so the batches grow while the processes are busy. Identical scripts are checked once, and with a cache, once
 * across runs.
 */
export class ShellCheckService {
  readonly #executable: string;
  /** The absolute path that runs, once found. */
  #resolved = '';
  readonly #cache: ResultCache | undefined;
  readonly #concurrency = Math.max(1, availableParallelism());
  #version: Promise<string | undefined> | undefined;
  readonly #results = new Map<string, Promise<ShellCheckComment[]>>();
  readonly #queue: Job[] = [];
  #running = 0;
  #pumpTimer: NodeJS.Timeout | undefined;

  constructor(executable: string, cacheDirectory: string | undefined) {
    this.#executable = executable;
    this.#cache = cacheDirectory === undefined ? undefined : new ResultCache(cacheDirectory);
  }

  /** The ShellCheck version, or undefined when ShellCheck cannot be run. */
  version(): Promise<string | undefined> {
    if (!this.#version) {
      const executable = findExecutable(this.#executable);
      this.#version = executable === undefined ? Promise.resolve(undefined) : shellcheckVersion((this.#resolved = executable));
    }
    return this.#version;
  }

  /** The findings on a script's own lines, or undefined when ShellCheck cannot be run. */
  async check(script: string, shell: string): Promise<ShellCheckComment[] | undefined> {
    const version = await this.version();
    if (version === undefined) return undefined;
    const input = withBuilderVariables(script);
    const key = cacheKey(version, shell, input);
    let result = this.#results.get(key);
    if (!result) {
      result = this.#lookUp(key, shell, input);
      this.#results.set(key, result);
      // A failed check is not remembered: a later run, or file, may try again.
      result.catch(() => this.#results.delete(key));
    }
    const lines = scriptLineCount(script);
    return (await result).filter((comment) => comment.line <= lines);
  }

  async #lookUp(key: string, shell: string, input: string): Promise<ShellCheckComment[]> {
    const cached = await this.#cache?.get(key);
    if (cached) return cached;
    return new Promise<ShellCheckComment[]>((resolve, reject) => {
      this.#queue.push({ key, shell, input, resolve, reject });
      this.#schedulePump();
    });
  }

  /**
   * Sends the queue off soon: at once when it holds enough for a batch, otherwise after a short wait for the scripts
   * of the files still being parsed (starting a ShellCheck process costs about as much as checking a script).
   */
  #schedulePump(): void {
    const ready = this.#queue.length >= MIN_BATCH;
    if (this.#pumpTimer) {
      if (!ready) return;
      clearTimeout(this.#pumpTimer);
    }
    this.#pumpTimer = setTimeout(() => {
      this.#pumpTimer = undefined;
      this.#pump();
    }, ready ? 0 : BATCH_WAIT_MS);
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#queue.length > 0) {
      const free = this.#concurrency - this.#running;
      const size = Math.min(MAX_BATCH, Math.ceil(this.#queue.length / free));
      const shell = this.#queue[0]!.shell;
      const batch: Job[] = [];
      for (let index = 0; index < this.#queue.length && batch.length < size; ) {
        if (this.#queue[index]!.shell === shell) batch.push(...this.#queue.splice(index, 1));
        else index++;
      }
      this.#running++;
      checkBatch(this.#resolved, shell, batch.map((job) => job.input))
        .then(
          (results) => {
            this.#cache?.set(batch.map((job, index) => ({ key: job.key, comments: results[index]! })));
            batch.forEach((job, index) => job.resolve(results[index]!));
          },
          (error: unknown) => batch.forEach((job) => job.reject(error)),
        )
        .finally(() => {
          this.#running--;
          this.#schedulePump();
        });
    }
  }
}

const services = new Map<string, ShellCheckService>();

/** The service for an executable and cache, shared by every file of a run (and by later runs in this process). */
export function shellcheckService(settings: ShellCheckSettings, cwd = process.cwd()): ShellCheckService {
  const cacheDirectory = settings.cache ? resolve(cwd, settings.cacheLocation) : undefined;
  const id = JSON.stringify([settings.path, cacheDirectory]);
  let service = services.get(id);
  if (!service) {
    service = new ShellCheckService(settings.path, cacheDirectory);
    services.set(id, service);
  }
  return service;
}
