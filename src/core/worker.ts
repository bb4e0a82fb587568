import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from './registry.js';
import { lintTarget } from './target.js';
import { shareShellCheckProcesses } from '../shellcheck/processes.js';
import { closeLaunchers } from '../shellcheck/runner.js';
import type { Config } from './config.js';
import type { CloseRequest, FinishedTask, TaskReply, TaskRequest, WorkerSetup } from './pool.js';

/** A lint worker: the same `lintTarget` as the main thread, for the files the pool sends it. */
const port = parentPort!;
const setup = workerData as WorkerSetup;
shareShellCheckProcesses(setup.workers);
const rules = await loadRules();
const configs = new Map<number, Config>();

// Results go back in batches, once per turn of the event loop: a message per file took about a tenth of a worker.
let finished: FinishedTask[] = [];
const sendFinished = () => {
  port.postMessage({ type: 'done', finished } satisfies TaskReply);
  finished = [];
};

port.on('message', async (request: TaskRequest | CloseRequest) => {
  if ('type' in request) {
    await closeLaunchers();
    port.postMessage({ type: 'closed' } satisfies TaskReply);
    return;
  }
  const { id, target, configId, config } = request;
  if (config) configs.set(configId, config);
  const outcome = await lintTarget(target, { ...setup, config: configs.get(configId)!, rules });
  if (finished.push({ id, outcome }) === 1) setImmediate(sendFinished);
});
port.postMessage({ type: 'ready' } satisfies TaskReply);
