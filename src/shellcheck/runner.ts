import { spawn } from 'node:child_process';
import type { ShellCheckLevel } from '../core/config.js';
import { trackChild } from '../core/child-processes.js';
import { writeScratchScripts } from './scratch.js';

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
  const { files, remove } = writeScratchScripts(scripts);
  try {
    // --norc: a user's ~/.shellcheckrc must not change the results (they are cached by script and version).
    const { stdout } = await run(executable, ['--norc', '--format=json1', `--shell=${shell}`, '--', ...files], limits, signal);
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
    remove();
  }
}

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
 * Runs ShellCheck in a process group of its own, under a memory limit (`ulimit -v`, set by /bin/sh before it becomes
 * ShellCheck) and a time limit; over either, the whole group is killed. Exit status 1 only means it found something.
 */
function run(executable: string, args: string[], limits: ShellCheckLimits, signal?: AbortSignal): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const kilobytes = Math.max(1, Math.round(limits.memoryMb * 1024));
    const child = spawn('/bin/sh', ['-c', `ulimit -v ${kilobytes} && exec "$0" "$@"`, executable, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: shellcheckEnvironment(),
    });
    const untrack = child.pid === undefined ? () => undefined : trackChild({ pid: child.pid });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let stopped: unknown;
    const stop = (failure: ShellCheckFailure) => {
      stopped ??= failure;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already ended.
      }
    };
    const onAbort = () => stop(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => stop(new ShellCheckFailure('timeout', `it ran longer than the ${limits.timeoutMs / 1000} s limit (--shellcheck-timeout) and was stopped`)),
      limits.timeoutMs,
    );
    child.stdout.on('data', (data: Buffer) => {
      stdoutBytes += data.length;
      if (stdoutBytes > MAX_OUTPUT_BYTES) stop(new ShellCheckFailure('failed', 'its output went over 256 MB'));
      else stdout.push(data);
    });
    child.stderr.on('data', (data: Buffer) => {
      if (stderr.length < 4096) stderr += data.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      untrack();
      reject(new ShellCheckFailure('failed', error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // ShellCheck may have started processes of its own: none outlives it.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone.
      }
      untrack();
      const output = Buffer.concat(stdout).toString('utf8');
      if (stopped !== undefined) reject(stopped);
      else if (/out of memory|memory allocation failed|cannot allocate/i.test(stderr) || code === 251) {
        reject(new ShellCheckFailure('memory', `it needed more than the ${limits.memoryMb} MB memory limit (--shellcheck-memory) and was stopped`));
      } else if (code === 0 || (code === 1 && output !== '')) resolve({ stdout: output });
      else reject(new ShellCheckFailure('failed', stderr.trim().split('\n')[0] || `it exited with ${code === null ? 'a signal' : `status ${code}`}`));
    });
  });
}
