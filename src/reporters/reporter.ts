import { relative, resolve, sep } from 'node:path';
import type { FileResult } from '../core/diagnostic.js';
import type { Rule } from '../core/rule.js';
import type { ColumnUnit } from './columns.js';
import { isOutside } from '../files/discover.js';
import { visible } from './escape.js';

export interface ReportContext {
  /** Use ANSI colours. */
  color: boolean;
  /** Working directory the paths are relative to. */
  cwd: string;
  /** Walked files that were skipped because they are plainly not recipes. */
  skipped: number;
  /** Files skipped because of an `ignore` pattern of the configuration. */
  ignored?: number;
  /** Every rule of fim-lint (SARIF lists them). */
  rules?: readonly Rule[];
  /** Show the offending lines under each message (needs `FileResult.source`). */
  codeFrame?: boolean;
  /** Columns of a line for the human format (default 80). */
  width?: number;
  /** Make rule ids OSC 8 hyperlinks to their documentation. */
  hyperlinks?: boolean;
  /** What the columns of the `gcc` format count (default: UTF-8 bytes). */
  columnUnit?: ColumnUnit;
}

/**
 * Renders results; never recomputes a diagnostic. A reporter for a format made of one piece per file returns the
 * pieces as they are made, so that a run over tens of thousands of files is written out without ever holding the
 * whole report in memory.
 */
export type Reporter = (results: readonly FileResult[], context: ReportContext) => string | Iterable<string>;

/** A result's path as reports show it: relative to the working directory when inside it, with `/` separators. */
export function shownPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, resolve(cwd, path));
  const shown = relativePath === '' || isOutside(relativePath) ? path : relativePath;
  return shown.split(sep).join('/');
}

/** A message on one line, for formats that have one line per problem, with anything a terminal would act on made visible. */
export function oneLine(message: string): string {
  return visible(message.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' '));
}
