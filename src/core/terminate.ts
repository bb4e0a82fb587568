import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';

/**
 * Cleanups (removing a temp file, killing a child's process group) that must run however the run ends: at a normal
 * exit, and on SIGINT or SIGTERM, after which the process exits with 130 or 143 as a shell reports those signals.
 *
 * Signals reach the main thread only, and a worker thread's exit handlers do not run when the process exits. So a
 * worker with cleanups says so on a broadcast channel; on a signal the main thread runs its own cleanups, asks the
 * workers to run theirs, and waits for their answers (at most `WORKER_WAIT_MS`) before it exits.
 */
type Cleanup = () => void;

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const CHANNEL = 'fim-lint:terminate';
const WORKER_WAIT_MS = 2_000;

type ChannelMessage = { type: 'armed' | 'disarmed' | 'cleaned'; thread: number } | { type: 'terminate' };

const cleanups = new Set<Cleanup>();
/** Main thread: the worker threads that hold cleanups. */
const armedWorkers = new Set<number>();
let channel: BroadcastChannel | undefined;
let signalled = false;

/**
 * Registers `cleanup` (synchronous; it must not throw, and an exception is ignored) to run once, at exit or on
 * SIGINT/SIGTERM. Returns the function that unregisters it, to call once the resource is gone.
 */
export function onTerminate(cleanup: Cleanup): () => void {
  const first = cleanups.size === 0;
  cleanups.add(cleanup);
  if (first) arm();
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) disarm();
  };
}

function runCleanups(): void {
  const pending = [...cleanups];
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // A failing cleanup must not keep the others from running.
    }
  }
}

function open(): BroadcastChannel {
  if (channel) return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => receive((event as { data: ChannelMessage }).data);
  // The channel alone must never keep a finished run alive.
  channel.unref();
  return channel;
}

function receive(message: ChannelMessage): void {
  if (isMainThread) {
    if (message.type === 'armed') {
      armedWorkers.add(message.thread);
      installMainThreadHandlers();
    } else if (message.type === 'disarmed' || message.type === 'cleaned') {
      armedWorkers.delete(message.thread);
      if (armedWorkers.size === 0 && cleanups.size === 0 && !signalled) removeMainThreadHandlers();
    }
  } else if (message.type === 'terminate') {
    runCleanups();
    channel?.postMessage({ type: 'cleaned', thread: threadId } satisfies ChannelMessage);
  }
}

let exitListener: (() => void) | undefined;

function arm(): void {
  if (!isMainThread) {
    open().postMessage({ type: 'armed', thread: threadId } satisfies ChannelMessage);
    exitListener ??= runCleanups;
    process.on('exit', exitListener);
    return;
  }
  installMainThreadHandlers();
}

function disarm(): void {
  if (!isMainThread) {
    channel?.postMessage({ type: 'disarmed', thread: threadId } satisfies ChannelMessage);
    if (exitListener) process.off('exit', exitListener);
    return;
  }
  // With nothing to clean up, the signals keep their default action again, unless a worker still needs them.
  if (armedWorkers.size === 0 && !signalled) removeMainThreadHandlers();
}

const signalListeners = new Map<NodeJS.Signals, () => void>();

function installMainThreadHandlers(): void {
  if (signalListeners.size > 0) return;
  process.on('exit', runCleanups);
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[]) {
    const listener = () => void terminate(signal);
    signalListeners.set(signal, listener);
    process.on(signal, listener);
  }
}

function removeMainThreadHandlers(): void {
  process.off('exit', runCleanups);
  for (const [signal, listener] of signalListeners) process.off(signal, listener);
  signalListeners.clear();
}

async function terminate(signal: keyof typeof SIGNAL_EXIT_CODES): Promise<void> {
  if (signalled) return;
  signalled = true;
  runCleanups();
  if (armedWorkers.size > 0) {
    const workers = open();
    workers.ref();
    const deadline = Date.now() + WORKER_WAIT_MS;
    workers.postMessage({ type: 'terminate' } satisfies ChannelMessage);
    while (armedWorkers.size > 0 && Date.now() < deadline) await new Promise((resume) => setTimeout(resume, 10));
  }
  process.exit(SIGNAL_EXIT_CODES[signal]);
}

/**
 * Main thread: starts listening for worker threads that hold cleanups. The pool calls it before it starts a worker,
 * as a broadcast message reaches only the channels open when it is sent.
 */
export function listenToWorkers(): void {
  if (isMainThread) open();
}
