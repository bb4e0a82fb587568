import type { FileResult } from './diagnostic.js';
import { toDiagnostic } from './report.js';

/** Engine diagnostics: not rules (nothing to configure per recipe), but ids with a documentation page all the same. */
export const ENGINE_IDS = { timeout: 'engine/timeout', crash: 'engine/crash', tooLarge: 'engine/too-large' } as const;
export type EngineId = (typeof ENGINE_IDS)[keyof typeof ENGINE_IDS];

/** The result of a file whose lint was stopped: one error at the top of the file. */
export function engineFailure(path: string, ruleId: EngineId, message: string): FileResult {
  const top = { line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0 };
  return { path, diagnostics: [toDiagnostic({ id: ruleId, severity: 'error' }, { message, place: top })!] };
}

/** The message of `engine/timeout`, on a worker thread or on the main thread. */
export function timeLimitMessage(seconds: number): string {
  return `Linting this file took longer than the ${seconds} s time limit and was stopped; no other check ran`;
}
