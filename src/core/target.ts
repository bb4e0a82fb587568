import { readFileSync } from 'node:fs';
import { describeFsError, looksLikeRecipe, type Target } from '../files/discover.js';
import type { FileResult } from './diagnostic.js';
import { describe, lintBytes, lintText, type LintOptions, type LintOutcome } from './lint.js';
import { ENGINE_IDS, engineFailure } from './engine-failure.js';
import type { TargetOutcome } from './outcome.js';

export interface LintedFile {
  path: string;
  bytes: Uint8Array;
  /** Read from standard input: there is no file to write. */
  fromStdin: boolean;
  outcome: LintOutcome;
  /** Lints another text under this file's path with the same rules and configuration. */
  relint(text: string): Promise<LintOutcome>;
}

export interface TargetOptions extends LintOptions {
  /** Lint named files only when they look like recipes, as walked files are. */
  skipNonRecipes?: boolean;
  /** Runs on each file once it is linted (e.g. to fix it); the outcome it returns is the one reported. Main thread only. */
  afterLint?: (file: LintedFile) => Promise<LintOutcome>;
}

/** Reads and lints one file. The same function runs on the main thread and in the worker threads. */
export async function lintTarget(target: Target, options: TargetOptions): Promise<TargetOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target.path);
  } catch (error) {
    return { kind: 'unreadable', path: target.path, message: `cannot read ${target.path}: ${describeFsError(error)}` };
  }
  if ((!target.explicit || options.skipNonRecipes) && !looksLikeRecipe(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) return { kind: 'skipped' };
  return lintFile(target.path, bytes, options, false);
}

/** Lints bytes already read; only the small result and what the rules collected are kept. */
export async function lintFile(path: string, bytes: Uint8Array, options: TargetOptions, fromStdin: boolean): Promise<TargetOutcome> {
  const notices = new Set<string>();
  try {
    let outcome = await lintBytes(path, bytes, { ...options, notices });
    if (options.afterLint) {
      const relint = (text: string) => lintText(path, text, { ...options, notices });
      outcome = await options.afterLint({ path, bytes, fromStdin, outcome, relint });
    }
    const { directives } = outcome.suppressions;
    const suppressions = directives.length > 0 ? { directives: [...directives], text: outcome.recipe?.text.slice(0, directives.at(-1)!.comment.end) ?? '' } : undefined;
    return { kind: 'linted', result: outcome.result, collected: outcome.collected, suppressions, ...(notices.size > 0 ? { notices: [...notices] } : {}) };
  } catch (error) {
    // Rules' own errors are caught inside lintBytes; this is the parser or the engine failing on this file.
    return { kind: 'linted', result: engineFailure(path, ENGINE_IDS.crash, `Internal error while linting this file: ${describe(error)}`), collected: {} };
  }
}
