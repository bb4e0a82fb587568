import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShellCheckLevel } from '../core/config.js';

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

/** A ShellCheck that takes longer than this on one batch is stopped, and its scripts count as failed. */
const BATCH_TIMEOUT_MS = 120_000;

/** The version of the ShellCheck at `executable`, or undefined when it cannot be run. */
export async function shellcheckVersion(executable: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(executable, ['--version'], 10_000);
    return /^version:\s*(\S+)/m.exec(stdout)?.[1] ?? 'unknown';
  } catch {
    return undefined;
  }
}

/**
 * Checks several scripts of one shell dialect with a single ShellCheck process: each script is written to its own
 * temporary file, and each finding is mapped back by file name. Returns the findings of each script, in order.
 */
export async function checkBatch(executable: string, shell: string, scripts: readonly string[], signal?: AbortSignal): Promise<ShellCheckComment[][]> {
  const directory = await mkdtemp(join(tmpdir(), 'fim-lint-shellcheck-'));
  try {
    const files = scripts.map((_, index) => join(directory, `${index}.sh`));
    await Promise.all(scripts.map((script, index) => writeFile(files[index]!, script)));
    // --norc: a user's ~/.shellcheckrc must not change the results (they are cached by script and version).
    const { stdout } = await run(executable, ['--norc', '--format=json1', `--shell=${shell}`, '--', ...files], BATCH_TIMEOUT_MS, signal);
    const byFile = new Map(files.map((file) => [file, [] as ShellCheckComment[]]));
    for (const comment of (JSON.parse(stdout) as { comments: (ShellCheckComment & { file: string })[] }).comments) {
      const { file, ...finding } = comment;
      byFile.get(file)?.push(finding);
    }
    return files.map((file) => byFile.get(file)!);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Runs ShellCheck; exit status 1 only means it found something. */
function run(executable: string, args: string[], timeout: number, signal?: AbortSignal): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(executable, args, { timeout, signal, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && !(error.code === 1 && stdout)) reject(new Error(stderr.trim() || error.message));
      else resolve({ stdout });
    });
  });
}
