import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from './registry.js';
import { lintTarget } from './target.js';
import type { Config } from './config.js';
import type { TaskReply, TaskRequest, WorkerSetup } from './pool.js';

/** A lint worker: the same `lintTarget` as the main thread, for the files the pool sends it. */
const port = parentPort!;
const setup = workerData as WorkerSetup;
const rules = await loadRules();
const configs = new Map<number, Config>();

port.on('message', async ({ id, target, configId, config }: TaskRequest) => {
  if (config) configs.set(configId, config);
  const outcome = await lintTarget(target, { ...setup, config: configs.get(configId)!, rules });
  port.postMessage({ type: 'done', id, outcome } satisfies TaskReply);
});
port.postMessage({ type: 'ready' } satisfies TaskReply);
