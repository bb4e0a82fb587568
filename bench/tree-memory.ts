import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The peak resident memory of everything the bench starts, summed over the process tree (fim-lint and the ShellCheck
 * processes it runs), read from `/proc` every POLL_MS by a thread of the bench while the main thread waits for the
 * command. `/usr/bin/time` only reports the largest single process. Linux only; undefined elsewhere.
 */
const POLL_MS = 20;

export const canPollTree = existsSync('/proc/self/status') && existsSync('/proc/self/stat');

// [0]: 1 while a command runs; [1]: the highest sum seen since `start`, in KB.
const shared = new Int32Array(new SharedArrayBuffer(8));

// CommonJS, run with `eval`: the poller has no module of its own in dist/.
const poller = `
const { workerData } = require('node:worker_threads');
const { readdirSync, readFileSync } = require('node:fs');
const { shared, root } = workerData;
const read = (path) => { try { return readFileSync(path, 'utf8'); } catch { return ''; } };
function poll() {
  if (Atomics.load(shared, 0) !== 1) return;
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\\d+$/.test(name)) continue;
    const stat = read('/proc/' + name + '/stat');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(name));
  }
  let kb = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    const rss = /VmRSS:\\s+(\\d+)/.exec(read('/proc/' + pid + '/status'));
    // /usr/bin/time, which wraps every measured command, is not part of it.
    if (rss && read('/proc/' + pid + '/comm').trim() !== 'time') kb += Number(rss[1]);
    stack.push(...(children.get(pid) ?? []));
  }
  if (kb > Atomics.load(shared, 1)) Atomics.store(shared, 1, kb);
}
setInterval(poll, ${POLL_MS});
`;

let worker: Worker | undefined;

/** Starts watching the processes the bench is about to start. */
export function startTreeMemory(): void {
  if (!canPollTree) return;
  if (!worker) {
    worker = new Worker(poller, { eval: true, workerData: { shared, root: process.pid } });
    worker.unref();
  }
  Atomics.store(shared, 1, 0);
  Atomics.store(shared, 0, 1);
}

/** The peak summed resident memory since `startTreeMemory`, in KB. */
export function stopTreeMemory(): number | undefined {
  if (!canPollTree) return undefined;
  Atomics.store(shared, 0, 0);
  return Atomics.load(shared, 1);
}
