import { rmSync } from 'node:fs';
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';
import { onTerminate } from './terminate.js';

/**
 * External processes (ShellCheck), each in a process group of its own, with the temp folder it reads. Whoever started
 * one stops it when it is done or over its limits; these records serve when that thread cannot: a worker thread that
 * the pool stops (over the file's time limit) runs no more code, so the main thread kills the groups it had started
 * and removes their folders. Nothing a run starts outlives it.
 */
export interface ChildRecord {
  pid: number;
  /** Its temp folder, if any. */
  directory?: string;
}

const CHANNEL = 'fim-lint:children';
type ChannelMessage = { type: 'started' | 'ended'; thread: number; child: ChildRecord };

/** Main thread: the children of each thread, by pid. */
const byThread = new Map<number, Map<number, ChildRecord>>();
let channel: BroadcastChannel | undefined;

/** Kills a child's whole process group and removes its folder; a group already gone is fine. */
export function stopChild(child: ChildRecord): void {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already ended.
  }
  if (child.directory) rmSync(child.directory, { recursive: true, force: true });
}

/**
 * Records a running child: it is stopped at exit, on SIGINT or SIGTERM, and when the worker thread that started it is
 * stopped. Returns the function to call once it has ended.
 */
export function trackChild(child: ChildRecord): () => void {
  const unregister = onTerminate(() => stopChild(child));
  if (isMainThread) return unregister;
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
      children.set(child.pid, child);
    } else {
      children?.delete(child.pid);
    }
  };
  channel.unref();
  if (isMainThread) process.on('exit', () => [...byThread.keys()].forEach(stopChildrenOf));
  return channel;
}
