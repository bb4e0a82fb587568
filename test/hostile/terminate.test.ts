import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root, tempTree } from './cli.js';

const terminateModule = pathToFileURL(join(root, 'dist/src/core/terminate.js')).href;
const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/**
 * A process that creates temp files `main.tmp` (main thread) and `worker.tmp` (a worker thread), registers their
 * removal with `onTerminate`, prints `ready` and waits to be stopped.
 */
function script(directory: string, withWorker: boolean): string {
  return `
    import { Worker, isMainThread } from 'node:worker_threads';
    import { writeFileSync, rmSync } from 'node:fs';
    import { onTerminate, listenToWorkers } from ${JSON.stringify(terminateModule)};
    const directory = ${JSON.stringify(directory)};
    if (isMainThread) {
      writeFileSync(directory + '/main.tmp', '');
      onTerminate(() => rmSync(directory + '/main.tmp', { force: true }));
      if (${withWorker}) {
        listenToWorkers();
        const worker = new Worker(new URL(import.meta.url));
        worker.on('message', () => setTimeout(() => console.log('ready'), 200));
      } else {
        console.log('ready');
      }
      setInterval(() => {}, 1000);
    } else {
      const { parentPort } = await import('node:worker_threads');
      writeFileSync(directory + '/worker.tmp', '');
      onTerminate(() => rmSync(directory + '/worker.tmp', { force: true }));
      parentPort.postMessage('armed');
      setInterval(() => {}, 1000);
    }
  `;
}

function runUntilReady(directory: string, withWorker: boolean, signal: NodeJS.Signals | undefined): Promise<number | null> {
  const file = join(directory, 'run.mjs');
  writeFileSync(file, script(directory, withWorker));
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout.on('data', (data: Buffer) => {
      if (!data.toString().includes('ready')) return;
      if (signal) child.kill(signal);
      else child.stdin?.end();
    });
    child.on('exit', (code) => resolve(code));
  });
}

describe('onTerminate', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`runs the cleanups of the main thread and of worker threads on ${signal}, then exits ${code}`, async () => {
      const directory = tempTree();
      directories.push(directory);
      expect(await runUntilReady(directory, true, signal)).toBe(code);
      expect(readdirSync(directory)).toEqual(['run.mjs']);
    });
  }

  it('runs the main thread cleanups on a normal exit', async () => {
    const directory = tempTree();
    directories.push(directory);
    writeFileSync(join(directory, 'run.mjs'), `
      import { writeFileSync, rmSync } from 'node:fs';
      import { onTerminate } from ${JSON.stringify(terminateModule)};
      writeFileSync(${JSON.stringify(directory)} + '/main.tmp', '');
      onTerminate(() => rmSync(${JSON.stringify(directory)} + '/main.tmp'));
      onTerminate(() => { throw new Error('a failing cleanup'); });
    `);
    const child = spawn(process.execPath, [join(directory, 'run.mjs')], { stdio: 'inherit' });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(existsSync(join(directory, 'main.tmp'))).toBe(false);
  });

  it('gives the signals their default action back once every cleanup is unregistered', async () => {
    const directory = tempTree();
    directories.push(directory);
    writeFileSync(join(directory, 'run.mjs'), `
      import { onTerminate } from ${JSON.stringify(terminateModule)};
      const off = onTerminate(() => {});
      off();
      console.log('ready');
      setInterval(() => {}, 1000);
    `);
    const child = spawn(process.execPath, [join(directory, 'run.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => child.kill('SIGTERM'));
    const signal = await new Promise((resolve) => child.on('exit', (_code, killedBy) => resolve(killedBy)));
    expect(signal).toBe('SIGTERM');
  });
});
