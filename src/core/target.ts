import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { describeFsError, looksLikeRecipe, type Target } from '../files/discover.js';
import type { FileResult } from './diagnostic.js';
import { describe, lintBytes, lintText, type LintOptions, type LintOutcome } from './lint.js';
import { ENGINE_IDS, engineFailure, timeLimitMessage } from './engine-failure.js';
import type { TargetOutcome } from './outcome.js';
import { Deadline } from './deadline.js';
import { MAX_RECIPE_BYTES } from './limits.js';

export interface LintedFile {
  path: string;
  bytes: Uint8Array;
  /** Read from standard input: there is no file to write. */
  fromStdin: boolean;
  outcome: LintOutcome;
  /** Lints another text under this file's path with the same rules and configuration. */
  relint(text: string): Promise<LintOutcome>;
  /** The file's time limit: once it is up, nothing may be written for the file. */
  deadline?: Deadline;
}

export interface TargetOptions extends LintOptions {
  /** Lint named files only when they look like recipes, as walked files are. */
  skipNonRecipes?: boolean;
  /** Runs on each file once it is linted (e.g. to fix it); the outcome it returns is the one reported. Main thread only. */
  afterLint?: (file: LintedFile) => Promise<LintOutcome>;
  /**
   * Per-file time limit, fixing included. Checked between rules and while rules wait on ShellCheck (which is then
   * stopped unless another file waits for it too): a rule busy in synchronous code is not interrupted, but the file
   * still gets `engine/timeout` once it returns, and `afterLint` writes nothing for it.
   */
  timeLimitMs?: number;
}

/** Reads and lints one file. The same function runs on the main thread and in the worker threads. */
export async function lintTarget(target: Target, options: TargetOptions): Promise<TargetOutcome> {
  const mustLookLikeRecipe = !target.explicit || options.skipNonRecipes;
  let bytes: Uint8Array;
  let size: number;
  try {
    const descriptor = openSync(target.path, 'r');
    try {
      size = fstatSync(descriptor).size;
      // Of a file too large to lint, only its start is read, to tell whether it is a recipe at all.
      bytes = size > MAX_RECIPE_BYTES ? head(descriptor) : readFileSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return { kind: 'unreadable', path: target.path, message: `cannot read ${target.path}: ${describeFsError(error)}` };
  }
  if (mustLookLikeRecipe && !looksLikeRecipe(new TextDecoder().decode(bytes.subarray(0, RECIPE_TEST_BYTES)))) return { kind: 'skipped' };
  return size > MAX_RECIPE_BYTES ? tooLarge(target.path, size) : lintFile(target.path, bytes, options, false);
}

/** Lints bytes already read; only the small result and what the rules collected are kept. */
export async function lintFile(path: string, bytes: Uint8Array, options: TargetOptions, fromStdin: boolean): Promise<TargetOutcome> {
  if (bytes.length > MAX_RECIPE_BYTES) return tooLarge(path, bytes.length);
  const notices = new Set<string>();
  const deadline = options.timeLimitMs === undefined ? undefined : new Deadline(options.timeLimitMs);
  // Fixing needs the parsed recipe; a run that only reports lets it go while ShellCheck runs.
  const lintOptions = { ...options, notices, dropRecipe: !options.afterLint, ...(deadline ? { deadline } : {}) };
  try {
    let outcome = await lintBytes(path, bytes, lintOptions);
    if (options.afterLint) {
      const relint = (text: string) => lintText(path, text, lintOptions);
      outcome = await options.afterLint({ path, bytes, fromStdin, outcome, relint, ...(deadline ? { deadline } : {}) });
    }
    const { directives } = outcome.suppressions;
    const suppressions = directives.length > 0 ? { directives: [...directives], text: outcome.text.slice(0, directives.at(-1)!.comment.end) } : undefined;
    return { kind: 'linted', result: outcome.result, collected: outcome.collected, suppressions, ...(notices.size > 0 ? { notices: [...notices] } : {}) };
  } catch (error) {
    if (deadline?.signal.aborted) return timedOut(path, options.timeLimitMs! / 1000);
    // Rules' own errors are caught inside lintBytes; this is the parser or the engine failing on this file.
    return { kind: 'linted', result: engineFailure(path, ENGINE_IDS.crash, `Internal error while linting this file: ${describe(error)}`), collected: {} };
  } finally {
    deadline?.clear();
  }
}

/** How much of a file the test for a recipe reads. */
const RECIPE_TEST_BYTES = 64 * 1024;

function head(descriptor: number): Uint8Array {
  const buffer = Buffer.alloc(RECIPE_TEST_BYTES);
  return buffer.subarray(0, readSync(descriptor, buffer, 0, RECIPE_TEST_BYTES, 0));
}

function tooLarge(path: string, size: number): TargetOutcome {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const message = `This file holds ${megabytes(size)}, more than the ${megabytes(MAX_RECIPE_BYTES)} a recipe may hold, and was not read; no check ran`;
  return { kind: 'linted', result: engineFailure(path, ENGINE_IDS.tooLarge, message), collected: {} };
}

/** The outcome of a file stopped at its time limit on the main thread. */
function timedOut(path: string, seconds: number): TargetOutcome {
  return { kind: 'linted', result: engineFailure(path, ENGINE_IDS.timeout, timeLimitMessage(seconds)), collected: {} };
}

export function isTimedOut(outcome: TargetOutcome): boolean {
  return outcome.kind === 'linted' && outcome.result.diagnostics.length === 1 && outcome.result.diagnostics[0]!.ruleId === ENGINE_IDS.timeout;
}
