import type { FileResult } from '../core/diagnostic.js';

export interface ReportContext {
  /** Use ANSI colours. */
  color: boolean;
  /** Working directory the paths are relative to. */
  cwd: string;
  /** Walked files that were skipped because they are plainly not recipes. */
  skipped: number;
}

/** Renders results; never recomputes a diagnostic. */
export type Reporter = (results: readonly FileResult[], context: ReportContext) => string;
