import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root, tempTree } from './cli.js';

const terminateModule = pathToFileURL(join(root, 'dist/src/core/terminate.js')).href;
const directories: string[] = [];
/** The processes the tests start: one a failed test did not stop would otherwise spin on after the run. */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function started<T extends ChildProcess>(child: T): T {
  children.push(child);
  return child;
}

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
  const child = started(spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] }));
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
    const child = started(spawn(process.execPath, [join(directory, 'run.mjs')], { stdio: 'inherit' }));
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
    const child = started(spawn(process.execPath, [join(directory, 'run.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] }));
    child.stdout.on('data', () => child.kill('SIGTERM'));
    const signal = await new Promise((resolve) => child.on('exit', (_code, killedBy) => resolve(killedBy)));
    expect(signal).toBe('SIGTERM');
  });
});

const childProcessesModule = pathToFileURL(join(root, 'dist/src/core/child-processes.js')).href;
const runnerModule = pathToFileURL(join(root, 'dist/src/shellcheck/runner.js')).href;

/** The process group and command line of every process whose command line names `text`. */
function processesNaming(text: string): { group: number; args: string }[] {
  const listing = spawnSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' }).stdout;
  return listing
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes(' ps '))
    .map((line) => ({ group: Number(line.trim().split(/\s+/)[0]), args: line.trim() }));
}

/** Whether a process group still has a process that is not a zombie, after giving a killed one up to 10 s to go. */
async function groupAlive(group: number): Promise<boolean> {
  const alive = () =>
    spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' })
      .stdout.split('\n')
      .some((line) => Number(line.trim().split(/\s+/)[0]) === group && !line.trim().split(/\s+/)[1]?.startsWith('Z'));
  for (let waited = 0; alive() && waited < 10_000; waited += 100) await new Promise((resume) => setTimeout(resume, 100));
  return alive();
}

/**
 * A run whose worker thread starts a batch the way the ShellCheck rule does (a temp folder, then a process group
 * reading it; here a stand-in that never ends), and then gets stuck in synchronous code: it never answers the main
 * thread's request to clean up. `until` is when it gets stuck: once the process runs its first command, or right after
 * `checkBatch` returns, when the folder is written and the process spawned (one synchronous step) but may not have
 * run anything yet.
 */
function stuckWorkerScript(temp: string, until: 'process-running' | 'batch-started'): string {
  return `
    import { Worker, isMainThread, parentPort } from 'node:worker_threads';
    import { existsSync, writeFileSync, chmodSync } from 'node:fs';
    const temp = ${JSON.stringify(temp)};
    if (isMainThread) {
      const { listenToWorkers } = await import(${JSON.stringify(terminateModule)});
      const { listenToChildren } = await import(${JSON.stringify(childProcessesModule)});
      listenToWorkers();
      listenToChildren();
      const worker = new Worker(new URL(import.meta.url));
      worker.on('message', () => console.log('ready'));
      setInterval(() => {}, 1000);
    } else {
      const { checkBatch } = await import(${JSON.stringify(runnerModule)});
      const fake = temp + '/../never-ends';
      writeFileSync(fake, '#!/bin/sh\\ntouch "' + temp + '/../running"\\nwhile :; do sleep 1; done\\n');
      chmodSync(fake, 0o755);
      checkBatch(fake, 'bash', ['echo'], { timeoutMs: 600000, memoryMb: 512 }).catch(() => {});
      const stuck = () => { parentPort.postMessage('stuck'); for (;;); };
      if (${JSON.stringify(until)} === 'batch-started') stuck();
      const poll = setInterval(() => { if (existsSync(temp + '/../running')) { clearInterval(poll); stuck(); } }, 20);
    }
  `;
}

describe('a worker thread stuck in synchronous code when the run is interrupted', () => {
  for (const [signal, code, until] of [
    ['SIGINT', 130, 'process-running'],
    ['SIGTERM', 143, 'process-running'],
    ['SIGINT', 130, 'batch-started'],
    ['SIGTERM', 143, 'batch-started'],
  ] as const) {
    it(`kills the process group it started and removes its temp folder from the main thread on ${signal} (stuck: ${until}), and exits ${code}`, async () => {
      const directory = tempTree();
      directories.push(directory);
      const temp = join(directory, 'tmp');
      mkdirSync(temp);
      writeFileSync(join(directory, 'run.mjs'), stuckWorkerScript(temp, until));
      const child = started(spawn(process.execPath, [join(directory, 'run.mjs')], { env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'inherit'] }));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      await new Promise<void>((resolve) => child.stdout.on('data', (data: Buffer) => data.toString().includes('ready') && resolve()));
      expect(readdirSync(temp)).toHaveLength(1);
      // ShellCheck's launcher and what it started share one group.
      const groups = [...new Set(processesNaming(temp).map((process) => process.group))];
      expect(groups).toHaveLength(1);
      child.kill(signal);
      expect(await exited).toBe(code);
      for (const group of groups) expect(await groupAlive(group), `process group ${group}`).toBe(false);
      expect(readdirSync(temp)).toEqual([]);
    }, 60_000);
  }
});

describe('a run killed with SIGKILL, which runs no cleanup', () => {
  it('leaves no ShellCheck running: its launcher sees the end of its input and kills its process group', async () => {
    const directory = tempTree();
    directories.push(directory);
    const fake = join(directory, 'never-ends');
    writeFileSync(fake, `#!/bin/sh\ntouch "${directory}/running"\nwhile :; do sleep 1; done\n`);
    chmodSync(fake, 0o755);
    writeFileSync(
      join(directory, 'run.mjs'),
      `
      const { checkBatch } = await import(${JSON.stringify(runnerModule)});
      checkBatch(${JSON.stringify(fake)}, 'bash', ['echo'], { timeoutMs: 600000, memoryMb: 512 }).catch(() => {});
      setInterval(() => {}, 1000);
    `,
    );
    const child = started(spawn(process.execPath, [join(directory, 'run.mjs')], { stdio: 'ignore' }));
    for (let waited = 0; !existsSync(join(directory, 'running')) && waited < 20_000; waited += 50) await new Promise((resume) => setTimeout(resume, 50));
    const groups = [...new Set(processesNaming(fake).map((process) => process.group))];
    expect(groups).toHaveLength(1);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await groupAlive(groups[0]!)).toBe(false);
  }, 60_000);
});
