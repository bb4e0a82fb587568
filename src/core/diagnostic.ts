import { codeUnitOrder } from '../text/order.js';

/** The one diagnostic type: every reporter renders it, nothing recomputes it. */

export type Severity = 'error' | 'warning' | 'info';

/**
 * How far a fix can be trusted, as ruff's applicability: a `safe` fix keeps what the recipe means and `--fix` applies
 * it; an `unsafe` fix leaves a valid recipe that may build differently (a renamed key, a ShellCheck rewrite of a
 * script), and is applied only with `--unsafe-fixes`.
 */
export type FixSafety = 'safe' | 'unsafe';

/** A text edit in UTF-16 offsets of the decoded file text (after a BOM, if any, was removed). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A span of the text with the lines and columns an editor shows for it. */
export interface Place {
  /** 1-based, as an editor shows the file; the `#!/SBUILD` line is line 1. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The offsets the lines and columns were computed from. */
  start: number;
  end: number;
}

/** A second place a problem involves (the first of two equal entries), with what it is. */
export interface RelatedPlace extends Place {
  message: string;
  /** Another file, as its path is reported, when the place is not in the diagnostic's own file. */
  path?: string;
}

/** Made by `toDiagnostic` (core/report.ts) only. */
export interface Diagnostic extends Place {
  ruleId: string;
  severity: Severity;
  message: string;
  url?: string;
  fix?: Edit[];
  /** Present exactly when `fix` is. */
  fixSafety?: FixSafety;
  /** Other places the problem involves; the message reads well without them (gcc and github formats show none). */
  related?: RelatedPlace[];
}

export interface FileResult {
  /** The path as given or found, relative to the working directory when walked. */
  path: string;
  diagnostics: Diagnostic[];
  /** The decoded text, kept only when a reporter or the fixer needs it. */
  source?: string;
}

export const severityRank: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || codeUnitOrder(a.ruleId, b.ruleId) || codeUnitOrder(a.message, b.message);
}

/** Whether `--fix` applies the diagnostic's fix, or `--fix --unsafe-fixes` when `unsafe` is true. */
export function hasApplicableFix(diagnostic: Diagnostic, unsafe: boolean): boolean {
  return diagnostic.fix !== undefined && (unsafe || diagnostic.fixSafety !== 'unsafe');
}

export function countBySeverity(results: readonly FileResult[]): { errors: number; warnings: number; infos: number; fixable: number; unsafeFixable: number } {
  const counts = { errors: 0, warnings: 0, infos: 0, fixable: 0, unsafeFixable: 0 };
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error') counts.errors++;
      else if (diagnostic.severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (hasApplicableFix(diagnostic, false)) counts.fixable++;
      else if (diagnostic.fix) counts.unsafeFixable++;
    }
  }
  return counts;
}
