import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from './registry.js';
import { lintTarget } from './target.js';
import type { TaskReply, TaskRequest, WorkerSetup } from './pool.js';

/** A lint worker: the same `lintTarget` as the main thread, for the files the pool sends it. */
const port = parentPort!;
const setup = workerData as WorkerSetup;
const rules = await loadRules();

port.on('message', async ({ id, target }: TaskRequest) => {
  const outcome = await lintTarget(target, { config: setup.config, rules, keepSource: setup.keepSource });
  port.postMessage({ type: 'done', id, outcome } satisfies TaskReply);
});
port.postMessage({ type: 'ready' } satisfies TaskReply);
