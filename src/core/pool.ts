import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Target } from '../files/discover.js';
import type { Config } from './config.js';
import { ENGINE_IDS, engineFailure, timeLimitMessage, type EngineId } from './engine-failure.js';
import { HEAP_GROWING_PERCENT, WORKER_HEAP_MB, WORKER_YOUNG_GENERATION_MB } from './limits.js';
import { projectRoot } from './paths.js';
import { SharedStrings } from './shared-strings.js';
import { listenToWorkers } from './terminate.js';
import { listenToChildren, stopChildrenOf } from './child-processes.js';
import type { TargetOutcome } from './outcome.js';
import { filesInFlight } from './files-in-flight.js';

/** What every worker needs to lint like the main thread. */
export interface WorkerSetup {
  keepSource: boolean;
  skipNonRecipes: boolean;
  /** The number of workers in the pool, which share the cores for ShellCheck's processes. */
  workers: number;
}

/**
 * One file to lint. Files share a few configurations (one per config folder): each is sent to a worker once, with
 * the first file that uses it, and named by `configId` after that.
 */
export interface TaskRequest {
  id: number;
  target: Target;
  configId: number;
  config?: Config;
}

export interface FinishedTask {
  id: number;
  outcome: TargetOutcome;
}

/** Asks a worker to end what it started (ShellCheck's launchers) before the pool stops it. */
export interface CloseRequest {
  type: 'close';
}

export type TaskReply = { type: 'ready' } | { type: 'done'; finished: FinishedTask[] } | { type: 'closed' };

export interface PoolOptions {
  size: number;
  /** A worker that returns no result for this long is stopped; the file it is stuck on gets `engine/timeout`. */
  timeLimitMs: number;
  /** Each worker's heap cap (default `WORKER_HEAP_MB`). */
  heapMb?: number;
  setup: WorkerSetup;
}

/** How long a worker is given to end what it started before it is stopped anyway. */
const WORKER_CLOSE_MS = 5_000;

interface Task {
  id: number;
  target: Target;
  config: Config;
  /** Was in a worker that failed with other files: it is sent again alone, so that a failure can be pinned on it. */
  suspect?: boolean;
  resolve: (outcome: TargetOutcome) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Sent and not answered, oldest first. */
  inFlight: Map<number, Task>;
  watchdog: NodeJS.Timeout | undefined;
  /** The configurations this worker has been sent, by id. */
  configs: Set<number>;
  /** Set when the pool stopped this worker on purpose. */
  stopped: boolean;
  lastError: string | undefined;
}

/**
 * The compiled worker module. Under the test runner the sources are TypeScript, which Node 20 cannot load in a
 * worker, so the build made by `npm test` serves; without a build the pool is not available.
 */
export function workerScript(): URL | undefined {
  if (import.meta.url.endsWith('.js')) return new URL('./worker.js', import.meta.url);
  const built = join(projectRoot, 'dist', 'src', 'core', 'worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

/**
 * Lints files on worker threads. A worker that makes no progress within the time limit, or dies (out of memory,
 * a crash in native code), is replaced: the file it was stuck on gets one engine diagnostic, the other files it held
 * are sent again, and the run goes on.
 */
export class LintPool {
  readonly #script: URL;
  readonly #options: PoolOptions;
  /** A worker per slot; a slot whose worker failed stays empty until there is work for it again. */
  readonly #slots: (Slot | undefined)[] = [];
  readonly #pending: Task[] = [];
  readonly #configIds = new Map<Config, number>();
  readonly #strings = new SharedStrings();
  #nextId = 0;

  get size(): number {
    return this.#options.size;
  }

  constructor(script: URL, options: PoolOptions) {
    // A process-wide setting: it holds for the main thread too, which then keeps the results of the run.
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    this.#script = script;
    this.#options = options;
    for (let index = 0; index < options.size; index++) this.#slots.push(this.#spawn());
  }

  lint(target: Target, config: Config): Promise<TargetOutcome> {
    return new Promise((resolve) => {
      this.#pending.push({ id: this.#nextId++, target, config, resolve });
      this.#dispatch();
    });
  }

  /**
   * Stops the workers once the run is done. Each first ends what it started, so that its ShellCheck launcher exits
   * and is reaped by this process rather than killed with the thread.
   */
  async close(): Promise<void> {
    await Promise.all(
      this.#slots.map(async (slot) => {
        if (!slot) return;
        await this.#closed(slot);
        await this.#stop(slot);
      }),
    );
  }

  #closed(slot: Slot): Promise<void> {
    if (!slot.ready) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, WORKER_CLOSE_MS);
      slot.worker.on('message', (reply: TaskReply) => {
        if (reply.type !== 'closed') return;
        clearTimeout(timer);
        resolve();
      });
      slot.worker.postMessage({ type: 'close' } satisfies CloseRequest);
    });
  }

  #spawn(): Slot {
    listenToWorkers();
    listenToChildren();
    const worker = new Worker(this.#script, {
      workerData: this.#options.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.heapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, inFlight: new Map(), configs: new Set(), watchdog: undefined, stopped: false, lastError: undefined };
    worker.on('message', (reply: TaskReply) => this.#onReply(slot, reply));
    worker.on('error', (error) => {
      slot.lastError = error.message;
    });
    worker.on('exit', () => {
      if (!slot.stopped) this.#replace(slot, ENGINE_IDS.crash, `The linter stopped on this file (${slot.lastError ?? 'its worker exited'}); no other check ran`);
    });
    return slot;
  }

  #onReply(slot: Slot, reply: TaskReply): void {
    if (slot.stopped || reply.type === 'closed') return;
    if (reply.type === 'ready') {
      slot.ready = true;
    } else {
      for (const { id, outcome } of reply.finished) {
        const task = slot.inFlight.get(id);
        task?.resolve(this.#strings.outcome(outcome, task.target.path));
        slot.inFlight.delete(id);
      }
    }
    this.#armWatchdog(slot);
    this.#dispatch();
  }

  #dispatch(): void {
    this.#slots.forEach((existing, index) => {
      if (this.#pending.length === 0) return;
      const slot = existing ?? (this.#slots[index] = this.#spawn());
      while (this.#pending.length > 0 && slot.inFlight.size < filesInFlight(this.#pending[0]!.config)) {
        const alone = this.#pending[0]!.suspect || [...slot.inFlight.values()].some((task) => task.suspect);
        if (alone && slot.inFlight.size > 0) break;
        this.#send(slot, this.#pending.shift()!);
      }
    });
  }

  #send(slot: Slot, task: Task): void {
    slot.inFlight.set(task.id, task);
    let configId = this.#configIds.get(task.config);
    if (configId === undefined) this.#configIds.set(task.config, (configId = this.#configIds.size));
    const request: TaskRequest = { id: task.id, target: task.target, configId };
    if (!slot.configs.has(configId)) {
      request.config = task.config;
      slot.configs.add(configId);
    }
    slot.worker.postMessage(request);
    if (slot.inFlight.size === 1) this.#armWatchdog(slot);
  }

  /** Counts from the worker's last sign of progress; start-up (loading the rules) is not counted. */
  #armWatchdog(slot: Slot): void {
    clearTimeout(slot.watchdog);
    slot.watchdog = undefined;
    if (!slot.ready || slot.inFlight.size === 0) return;
    const seconds = this.#options.timeLimitMs / 1000;
    slot.watchdog = setTimeout(() => {
      this.#replace(slot, ENGINE_IDS.timeout, timeLimitMessage(seconds));
    }, this.#options.timeLimitMs);
  }

  /**
   * Stops a failed worker. When it held one file, that file gets the engine diagnostic. When it held several (a
   * worker interleaves files that wait on something), which one failed is unknown: each is sent again alone. Every
   * failure of a lone file settles it, so a worker that cannot even start still lets the run end.
   */
  #replace(slot: Slot, ruleId: EngineId, message: string): void {
    // A stopped worker runs no more code: the processes it started (ShellCheck) are stopped from here.
    stopChildrenOf(slot.worker.threadId);
    void this.#stop(slot);
    const tasks = [...slot.inFlight.values()];
    slot.inFlight.clear();
    this.#slots[this.#slots.indexOf(slot)] = undefined;
    if (tasks.length === 1) {
      const [blamed] = tasks as [Task];
      blamed.resolve({ kind: 'linted', result: engineFailure(blamed.target.path, ruleId, message), collected: {} });
    } else {
      for (const task of tasks) task.suspect = true;
      this.#pending.unshift(...tasks);
    }
    this.#dispatch();
  }

  async #stop(slot: Slot): Promise<void> {
    slot.stopped = true;
    clearTimeout(slot.watchdog);
    await slot.worker.terminate();
  }
}
