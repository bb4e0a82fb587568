import { readFileSync } from 'node:fs';
import { describeFsError, looksLikeRecipe, type Target } from '../files/discover.js';
import type { Config } from './config.js';
import type { FileResult } from './diagnostic.js';
import { describe, lintBytes } from './lint.js';
import { ENGINE_IDS, engineFailure } from './limits.js';
import type { Rule } from './rule.js';

/** What happened to one file: plain JSON, so that it can cross a worker boundary. */
export type TargetOutcome =
  | { kind: 'linted'; result: FileResult; collected: Record<string, unknown> }
  /** A walked file that is plainly not a recipe. */
  | { kind: 'skipped' }
  | { kind: 'unreadable'; path: string; message: string };

export interface TargetOptions {
  config: Config;
  rules: readonly Rule[];
  keepSource?: boolean;
}

/** Reads and lints one file. The same function runs on the main thread and in the worker threads. */
export async function lintTarget(target: Target, options: TargetOptions): Promise<TargetOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target.path);
  } catch (error) {
    return { kind: 'unreadable', path: target.path, message: `cannot read ${target.path}: ${describeFsError(error)}` };
  }
  if (!target.explicit && !looksLikeRecipe(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) return { kind: 'skipped' };
  try {
    const { result, collected } = await lintBytes(target.path, bytes, options);
    return { kind: 'linted', result, collected };
  } catch (error) {
    // Rules' own errors are caught inside lintBytes; this is the parser or the engine failing on this file.
    return { kind: 'linted', result: engineFailure(target.path, ENGINE_IDS.crash, `Internal error while linting this file: ${describe(error)}`), collected: {} };
  }
}
