import { rmSync } from 'node:fs';
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';
import { onTerminate } from './terminate.js';

/**
 * External processes (ShellCheck), each in a process group of its own, and the temp folders they read. Whoever created
 * one removes it when it is done or over its limits; these records serve when that thread cannot: a worker thread that
 * the pool stops (over the file's time limit), or one stuck in synchronous code when the run is interrupted, runs no
 * more code, so the main thread kills the groups it had started and removes its folders. Nothing a run starts outlives
 * it.
 */
export interface ChildRecord {
  /** A process group to kill, if any. */
  pid?: number;
  /** A folder to remove, if any. */
  directory?: string;
}

interface Recorded extends ChildRecord {
  /** Tells the records of one thread apart. */
  id: number;
}

const CHANNEL = 'fim-lint:children';
type ChannelMessage = { type: 'started' | 'ended'; thread: number; child: Recorded };

/** Main thread: the children of each thread, by pid. */
const byThread = new Map<number, Map<number, Recorded>>();
let nextId = 0;
let channel: BroadcastChannel | undefined;

/** Kills a child's whole process group and removes its folder; a group already gone is fine. */
export function stopChild(child: ChildRecord): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already ended.
  }
  if (child.directory) rmSync(child.directory, { recursive: true, force: true });
}

/**
 * Records a running child or a temp folder: it is stopped or removed at exit, on SIGINT or SIGTERM, and when the worker
 * thread that created it is stopped. Returns the function to call once it is gone.
 */
export function trackChild(record: ChildRecord): () => void {
  const unregister = onTerminate(() => stopChild(record));
  if (isMainThread) return unregister;
  const child = { ...record, id: nextId++ };
  const port = open();
  port.postMessage({ type: 'started', thread: threadId, child } satisfies ChannelMessage);
  return () => {
    unregister();
    port.postMessage({ type: 'ended', thread: threadId, child } satisfies ChannelMessage);
  };
}

/** Main thread: starts recording the children of worker threads (before a worker starts, to hear all of them). */
export function listenToChildren(): void {
  if (isMainThread) open();
}

/** Main thread: stops every child that a worker thread being stopped had started. */
export function stopChildrenOf(thread: number): void {
  const children = byThread.get(thread);
  byThread.delete(thread);
  for (const child of children?.values() ?? []) stopChild(child);
}

function open(): BroadcastChannel {
  if (channel) return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    if (!isMainThread) return;
    const { type, thread, child } = (event as { data: ChannelMessage }).data;
    let children = byThread.get(thread);
    if (type === 'started') {
      if (!children) byThread.set(thread, (children = new Map()));
      children.set(child.id, child);
    } else {
      children?.delete(child.id);
    }
  };
  channel.unref();
  if (isMainThread) process.on('exit', () => [...byThread.keys()].forEach(stopChildrenOf));
  return channel;
}
