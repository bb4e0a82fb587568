import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { ShellCheckLevel } from '../core/config.js';
import { stopChild, trackChild } from '../core/child-processes.js';
import { getOrMake } from '../core/get-or-make.js';
import { MAX_ERROR_BYTES, ShellCheckLauncher } from './launcher.js';
import { writeScratchScripts, type ScratchScripts } from './scratch.js';

/** One ShellCheck finding as `-f json1` gives it (lines and columns 1-based, columns in code points, a tab counts 1). */
export interface ShellCheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: ShellCheckLevel;
  code: number;
  message: string;
  fix: { replacements: ShellCheckReplacement[] } | null;
}

export interface ShellCheckReplacement {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  replacement: string;
}

/** The bounds of one ShellCheck process. */
export interface ShellCheckLimits {
  timeoutMs: number;
  memoryMb: number;
}

export const DEFAULT_LIMITS: ShellCheckLimits = { timeoutMs: 20_000, memoryMb: 2048 };

/** The most output read from ShellCheck: far beyond the findings of any batch. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** How the finding that ShellCheck failed on a script starts: such a result depends on more than the script. */
export const SHELLCHECK_FAILED = 'ShellCheck could not check';

/** Why ShellCheck gave no findings for a batch. */
export class ShellCheckFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** The version of the ShellCheck at `executable`, or undefined when it cannot be run. */
export async function shellcheckVersion(executable: string, limits: ShellCheckLimits = DEFAULT_LIMITS): Promise<string | undefined> {
  try {
    const { stdout } = await run(executable, ['--version'], limits);
    return /^version:\s*(\S+)/m.exec(stdout)?.[1] ?? 'unknown';
  } catch {
    return undefined;
  }
}

/**
 * Checks several scripts of one shell dialect with a single ShellCheck process: each script is written to its own
 * temporary file, and each finding is mapped back by file name. Returns the findings of each script, in order; throws
 * a `ShellCheckFailure` when ShellCheck fails or goes over its limits.
 */
export async function checkBatch(
  executable: string,
  shell: string,
  scripts: readonly string[],
  limits: ShellCheckLimits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<ShellCheckComment[][]> {
  const scratch = writeScratchScripts(scripts);
  try {
    const { files } = scratch;
    const stdout = ShellCheckLauncher.carries(scratch.directory, shell)
      ? await launch(launcherFor(executable, limits), scratch, shell, limits, signal)
      : (await run(executable, [...SHELLCHECK_OPTIONS, `--shell=${shell}`, '--', ...files], limits, signal)).stdout;
    const byFile = new Map(files.map((file) => [file, [] as ShellCheckComment[]]));
    let output: { comments: (ShellCheckComment & { file: string })[] };
    try {
      output = JSON.parse(stdout) as typeof output;
    } catch {
      throw new ShellCheckFailure('failed', 'its output was not the JSON expected');
    }
    for (const comment of output.comments) {
      const { file, ...finding } = comment;
      byFile.get(file)?.push(finding);
    }
    return files.map((file) => byFile.get(file)!);
  } finally {
    scratch.remove();
  }
}

/** --norc: a user's ~/.shellcheckrc must not change the results (they are cached by script and version). */
const SHELLCHECK_OPTIONS = ['--norc', '--format=json1'];

/** Each thread's launchers, by executable and limits. */
const launchers = new Map<string, ShellCheckLauncher>();

function launcherFor(executable: string, limits: ShellCheckLimits): ShellCheckLauncher {
  return getOrMake(launchers, JSON.stringify([executable, limits]), () => {
    const launchLimits = { memoryKilobytes: kilobytes(limits), outputBytes: MAX_OUTPUT_BYTES, timeoutMs: limits.timeoutMs };
    return new ShellCheckLauncher(executable, SHELLCHECK_OPTIONS, launchLimits, shellcheckEnvironment());
  });
}

/**
 * Ends this thread's launchers once its batches are done, and waits for them to exit (see `ShellCheckLauncher.close`);
 * a later batch starts another.
 */
export async function closeLaunchers(): Promise<void> {
  await Promise.all([...launchers.values()].map((launcher) => launcher.close()));
}

/** ShellCheck on a batch through the thread's launcher, stopped when over its time limit or when `signal` aborts. */
async function launch(launcher: ShellCheckLauncher, scratch: ScratchScripts, shell: string, limits: ShellCheckLimits, signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  const { exit, kill } = launcher.run(scratch.directory, scratch.files.length, shell);
  const bounds = bound(limits, signal, kill);
  try {
    const { status, output, errors } = await exit.catch((error: unknown) => {
      throw new ShellCheckFailure('failed', error instanceof Error ? error.message : String(error));
    });
    return outputOf(bounds.stopped, status, output, errors, limits);
  } finally {
    bounds.release();
  }
}

/**
 * The time limit and the caller's abort of one ShellCheck process: either stops it with `kill`, and the first reason
 * is kept in `stopped` for `outputOf`. `release` once the process has ended.
 */
function bound(limits: ShellCheckLimits, signal: AbortSignal | undefined, kill: () => void) {
  let stopped: unknown;
  const stop = (reason: unknown) => {
    stopped ??= reason;
    kill();
  };
  const onAbort = () => stop(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop(overTime(limits)), limits.timeoutMs);
  return {
    stop,
    get stopped() {
      return stopped;
    },
    release() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * ShellCheck's output, or the failure its end says: stopped by fim-lint, over the memory limit (GHC's runtime exits with
 * 251 or says so), over the output limit (killed by SIGXFSZ), or any other error. Exit status 1 only means it found
 * something. `status` is 128 + N for a process killed by signal N, or null when Node saw the signal.
 */
function outputOf(stopped: unknown, status: number | null, output: string, errors: string, limits: ShellCheckLimits): string {
  if (stopped !== undefined) throw stopped;
  if (/out of memory|memory allocation failed|cannot allocate/i.test(errors) || status === 251) {
    throw new ShellCheckFailure('memory', `it needed more than the ${limits.memoryMb} MB memory limit (--shellcheck-memory) and was stopped`);
  }
  if (status === 0 || (status === 1 && output !== '')) return output;
  if (status === SIGNALLED + constants.signals.SIGXFSZ) throw overOutput();
  const ending = status === null || status > SIGNALLED ? 'a signal' : `status ${status}`;
  throw new ShellCheckFailure('failed', errors.trim().split('\n')[0] || `it exited with ${ending}`);
}

/** A shell's exit status for a process killed by a signal: this plus the signal's number. */
const SIGNALLED = 128;

const overTime = (limits: ShellCheckLimits) => new ShellCheckFailure('timeout', `it ran longer than the ${limits.timeoutMs / 1000} s limit (--shellcheck-timeout) and was stopped`);
const overOutput = () => new ShellCheckFailure('failed', 'its output went over 256 MB');
const kilobytes = (limits: ShellCheckLimits) => Math.max(1, Math.round(limits.memoryMb * 1024));

/**
 * The environment without what ShellCheck reads besides its arguments: `SHELLCHECK_OPTS` (options such as `--exclude`,
 * which would hide findings from fim-lint and from every later run that reads them from the cache) and `GHCRTS` (its
 * runtime's options, which make it fail outright). Like `--norc`, so that only fim-lint's settings decide.
 */
function shellcheckEnvironment(): NodeJS.ProcessEnv {
  const { SHELLCHECK_OPTS: _options, GHCRTS: _runtime, ...environment } = process.env;
  return environment;
}

/**
 * Runs ShellCheck from fim-lint itself (`--version`, and a batch the launcher cannot carry), in a process group of its
 * own, under a memory limit (`ulimit -v`, set by /bin/sh before it becomes ShellCheck) and a time limit; over either,
 * the whole group is killed.
 */
function run(executable: string, args: string[], limits: ShellCheckLimits, signal?: AbortSignal): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const child = spawn('/bin/sh', ['-c', `ulimit -v ${kilobytes(limits)} && exec "$0" "$@"`, executable, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: shellcheckEnvironment(),
    });
    const group = { pid: child.pid };
    const untrack = child.pid === undefined ? () => undefined : trackChild(group);
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    const bounds = bound(limits, signal, () => stopChild(group));
    child.stdout.on('data', (data: Buffer) => {
      stdoutBytes += data.length;
      if (stdoutBytes > MAX_OUTPUT_BYTES) bounds.stop(overOutput());
      else stdout.push(data);
    });
    child.stderr.on('data', (data: Buffer) => {
      if (stderr.length < MAX_ERROR_BYTES) stderr += data.toString('utf8');
    });
    child.on('error', (error) => {
      bounds.release();
      untrack();
      reject(new ShellCheckFailure('failed', error.message));
    });
    child.on('close', (code) => {
      bounds.release();
      // ShellCheck may have started processes of its own: none outlives it.
      stopChild(group);
      untrack();
      try {
        resolve({ stdout: outputOf(bounds.stopped, code, Buffer.concat(stdout).toString('utf8'), stderr, limits) });
      } catch (failure) {
        reject(failure);
      }
    });
  });
}
