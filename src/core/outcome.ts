import type { FileResult } from './diagnostic.js';
import { Suppressions } from './suppressions.js';
import type { Directive } from '../suppressions/directives.js';

/** What happened to one file: plain JSON, so that it can cross a worker boundary. */
export type TargetOutcome =
  | { kind: 'linted'; result: FileResult; collected: Record<string, unknown>; suppressions?: SuppressionData; notices?: string[] }
  /** A walked file that is plainly not a recipe. */
  | { kind: 'skipped' }
  | { kind: 'unreadable'; path: string; message: string };

/** A file's suppression comments, for the checks across files: the text only up to the last comment. */
export interface SuppressionData {
  directives: Directive[];
  text: string;
}

export function restoreSuppressions(data: SuppressionData | undefined): Suppressions | undefined {
  return data && new Suppressions(data.directives, data.text);
}
