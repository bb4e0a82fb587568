import { resolve } from 'node:path';
import type { StatMemo } from '../cache/stat-memo.js';
import { fileStamp } from '../files/stamp.js';
import type { ShellCheckSettings } from '../core/config.js';
import { cacheKey, ResultCache } from './cache.js';
import { findExecutable } from './executable.js';
import { shellcheckProcesses } from './processes.js';
import { checkBatch, DEFAULT_LIMITS, shellcheckVersion, type ShellCheckComment, type ShellCheckLimits } from './runner.js';
import { scriptLineCount, withBuilderVariables } from './variables.js';

const VERSION_OF = 'shellcheck --version of:';

/** At most this many scripts go to one ShellCheck process. */
const MAX_BATCH = 200;
/** A free process waits up to BATCH_WAIT_MS for this many scripts, rather than start on one or two. */
const MIN_BATCH = 16;
const BATCH_WAIT_MS = 10;

interface Job {
  /** Was in a batch that failed: it goes to ShellCheck alone, so that a failure is pinned on its own script. */
  alone?: boolean;
  key: string;
  shell: string;
  input: string;
  resolve(comments: ShellCheckComment[]): void;
  reject(error: unknown): void;
  /** Set when no caller wants the result any more. */
  abandoned?: boolean;
  batch?: { jobs: Job[]; controller: AbortController };
}

/** One script's result, shared by every caller that asks for the same script. */
interface Entry {
  promise: Promise<ShellCheckComment[]>;
  /** Undefined when the result came from the cache. */
  job: Job | undefined;
  /** Callers that can still abandon the result (an editor's pass); `pinned` when one cannot (a command-line run). */
  waiters: number;
  pinned: boolean;
}

/**
 * Results kept in memory: a run checks each distinct script once, and a language server, which checks a new script
 * after every change, keeps only the recent ones.
 */
const MAX_KEPT_RESULTS = 2000;

/**
 * Checks scripts with ShellCheck on behalf of every file of a run. Scripts are queued and sent in batches, one
 * ShellCheck process per batch, with as many processes at once as there are cores: a free process takes what has been
 * queued, so the batches grow while the processes are busy. Identical scripts are checked once, and with a cache, once
 * across runs. A caller with an abort signal may give up: a script nobody waits for any more leaves the queue, and a
 * batch nobody waits for is stopped.
 */
export class ShellCheckService {
  readonly #executable: string;
  /** The absolute path that runs, once found. */
  #resolved = '';
  readonly #cache: ResultCache | undefined;
  readonly #concurrency = shellcheckProcesses();
  #version: Promise<string | undefined> | undefined;
  readonly #results = new Map<string, Entry>();
  readonly #queue: Job[] = [];
  #running = 0;
  #pumpTimer: NodeJS.Timeout | undefined;

  readonly #limits: ShellCheckLimits;

  constructor(executable: string, cacheDirectory: string | undefined, limits: ShellCheckLimits = DEFAULT_LIMITS) {
    this.#executable = executable;
    this.#limits = limits;
    this.#cache = cacheDirectory === undefined ? undefined : new ResultCache(cacheDirectory);
  }

  /** The ShellCheck version, or undefined when ShellCheck cannot be run. */
  version(memo?: StatMemo): Promise<string | undefined> {
    if (!this.#version) {
      const executable = findExecutable(this.#executable);
      this.#version = executable === undefined ? Promise.resolve(undefined) : this.#versionOf((this.#resolved = executable), memo);
    }
    return this.#version;
  }

  /**
   * Asks the executable, unless the memo (`--cache`) holds the answer of this very file: starting ShellCheck only to
   * ask costs a run whose files all come from the cache about 20 ms.
   */
  async #versionOf(executable: string, memo: StatMemo | undefined): Promise<string | undefined> {
    const stamp = memo && fileStamp(executable);
    const subject = VERSION_OF + executable;
    const remembered = stamp === undefined ? undefined : memo?.recall(subject, stamp)?.[0];
    if (remembered !== undefined) return remembered;
    const version = await shellcheckVersion(executable, this.#limits);
    if (version !== undefined && stamp !== undefined) memo?.remember(subject, stamp, [version]);
    return version;
  }

  /** The findings on a script's own lines, or undefined when ShellCheck cannot be run. Rejects when `signal` aborts. */
  async check(script: string, shell: string, signal?: AbortSignal, variables?: readonly string[]): Promise<ShellCheckComment[] | undefined> {
    signal?.throwIfAborted();
    const version = await this.version();
    if (version === undefined) return undefined;
    signal?.throwIfAborted();
    const input = withBuilderVariables(script, variables);
    const key = cacheKey(version, shell, input);
    let entry = this.#results.get(key);
    if (entry) {
      // Most recently used last: the oldest entries are dropped first.
      this.#results.delete(key);
    } else {
      entry = this.#lookUp(key, shell, input);
      const created = entry;
      // A failed check is not remembered: a later run, or file, may try again.
      entry.promise.catch(() => {
        if (this.#results.get(key) === created) this.#results.delete(key);
      });
    }
    this.#results.set(key, entry);
    if (this.#results.size > MAX_KEPT_RESULTS) this.#results.delete(this.#results.keys().next().value!);
    const lines = scriptLineCount(script);
    const comments = signal ? await this.#waitUnlessAborted(key, entry, signal) : ((entry.pinned = true), await entry.promise);
    return comments.filter((comment) => comment.line <= lines);
  }

  #waitUnlessAborted(key: string, entry: Entry, signal: AbortSignal): Promise<ShellCheckComment[]> {
    entry.waiters++;
    return new Promise((resolve, reject) => {
      let waiting = true;
      const stopWaiting = () => {
        waiting = false;
        entry.waiters--;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (!waiting) return;
        stopWaiting();
        if (entry.waiters === 0 && !entry.pinned) this.#abandon(key, entry);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (comments) => {
          if (!waiting) return;
          stopWaiting();
          resolve(comments);
        },
        (error: unknown) => {
          if (!waiting) return;
          stopWaiting();
          reject(error);
        },
      );
    });
  }

  #abandon(key: string, entry: Entry): void {
    const { job } = entry;
    if (!job) return;
    if (this.#results.get(key) === entry) this.#results.delete(key);
    job.abandoned = true;
    const queued = this.#queue.indexOf(job);
    if (queued !== -1) {
      this.#queue.splice(queued, 1);
      job.reject(new DOMException('No caller waits for this script any more', 'AbortError'));
    } else if (job.batch?.jobs.every((other) => other.abandoned)) {
      job.batch.controller.abort();
    }
  }

  #lookUp(key: string, shell: string, input: string): Entry {
    const entry: Entry = { promise: undefined as never, job: undefined, waiters: 0, pinned: false };
    entry.promise = (async () => {
      const cached = await this.#cache?.get(key);
      if (cached) return cached;
      return new Promise<ShellCheckComment[]>((resolve, reject) => {
        const job: Job = { key, shell, input, resolve, reject };
        entry.job = job;
        this.#queue.push(job);
        this.#schedulePump();
      });
    })();
    // The callers handle the rejection; this keeps an abandoned script from being an unhandled one.
    entry.promise.catch(() => {});
    return entry;
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
      const batch = this.#nextBatch();
      const controller = new AbortController();
      for (const job of batch) job.batch = { jobs: batch, controller };
      this.#running++;
      checkBatch(this.#resolved, batch[0]!.shell, batch.map((job) => job.input), this.#limits, controller.signal)
        .then(
          (results) => {
            this.#cache?.set(batch.map((job, index) => ({ key: job.key, comments: results[index]! })));
            batch.forEach((job, index) => job.resolve(results[index]!));
          },
          (error: unknown) => this.#failed(batch, error, controller.signal.aborted),
        )
        .finally(() => {
          this.#running--;
          this.#schedulePump();
        });
    }
  }

  /** The next batch: a job that must go alone, or queued jobs of the first job's shell. */
  #nextBatch(): Job[] {
    const first = this.#queue[0]!;
    if (first.alone) return this.#queue.splice(0, 1);
    const free = this.#concurrency - this.#running;
    const size = Math.min(MAX_BATCH, Math.ceil(this.#queue.length / free));
    const batch: Job[] = [];
    for (let index = 0; index < this.#queue.length && batch.length < size; ) {
      const job = this.#queue[index]!;
      if (job.shell === first.shell && !job.alone) batch.push(...this.#queue.splice(index, 1));
      else index++;
    }
    return batch;
  }

  /**
   * A failed script fails on its own: a batch of one settles with the failure, while the scripts of a larger batch
   * are each checked again alone, first in the queue, so that the others still get their findings.
   */
  #failed(batch: Job[], error: unknown, aborted: boolean): void {
    const wanted = batch.filter((job) => !job.abandoned);
    if (aborted || batch.length === 1 || wanted.length === 0) {
      batch.forEach((job) => job.reject(error));
      return;
    }
    batch.filter((job) => job.abandoned).forEach((job) => job.reject(error));
    for (const job of wanted) job.alone = true;
    this.#queue.unshift(...wanted);
  }
}

const services = new Map<string, ShellCheckService>();

/** The service for an executable and cache, shared by every file of a run (and by later runs in this process). */
export function shellcheckService(settings: ShellCheckSettings, cwd = process.cwd()): ShellCheckService {
  const cacheDirectory = settings.cache ? resolve(cwd, settings.cacheLocation) : undefined;
  const limits = { timeoutMs: settings.timeoutSeconds * 1000, memoryMb: settings.memoryMb };
  const id = JSON.stringify([settings.path, cacheDirectory, limits]);
  let service = services.get(id);
  if (!service) {
    service = new ShellCheckService(settings.path, cacheDirectory, limits);
    services.set(id, service);
  }
  return service;
}
