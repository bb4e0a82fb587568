import { hasApplicableFix, type Diagnostic, type FileResult, type RelatedPlace } from '../core/diagnostic.js';
import { stringifyInert } from './escape.js';
import type { Reporter } from './reporter.js';
import { resolve } from 'node:path';

/**
 * ESLint's JSON formatter shape: one entry per linted file, severity 2 for errors and 1 for warnings. ESLint has no
 * info level and reads severity 0 as "off", so info-level problems are severity 1 too, counted with the warnings, and
 * every message says its own level in `fimLintSeverity` ("error", "warning" or "info"). A safe fix is ESLint's `fix`
 * (applied by `--fix`); an unsafe one is an ESLint suggestion, offered but not applied. Either way
 * `fimLintFixSafety` says which ("safe" or "unsafe"). The other places a problem involves are in `fimLintRelated`.
 */
export const json: Reporter = function* (results, { cwd }) {
  yield '[';
  for (const [index, result] of results.entries()) yield `${index === 0 ? '' : ','}${stringifyInert(toEslintResult(result, cwd))}`;
  yield ']\n';
};

const ESLINT_SEVERITY = { error: 2, warning: 1, info: 1 } as const;

function toEslintResult(result: FileResult, cwd: string) {
  const count = (severity: 1 | 2, fixableOnly: boolean) =>
    result.diagnostics.filter((d) => ESLINT_SEVERITY[d.severity] === severity && (!fixableOnly || hasApplicableFix(d, false))).length;
  return {
    filePath: resolve(cwd, result.path),
    messages: result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: ESLINT_SEVERITY[d.severity],
      fimLintSeverity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      ...fixFields(d),
      ...(d.related?.length ? { fimLintRelated: d.related.map((related) => relatedEntry(related, cwd)) } : {}),
    })),
    errorCount: count(2, false),
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

/** A related place in ESLint's terms: a `filePath` when it is in another file. */
function relatedEntry({ path, message, line, column, endLine, endColumn }: RelatedPlace, cwd: string) {
  return { ...(path === undefined ? {} : { filePath: resolve(cwd, path) }), message, line, column, endLine, endColumn };
}

const UNSAFE_FIX = 'Unsafe fix: the recipe may build differently; --unsafe-fixes applies it';

function fixFields(diagnostic: Diagnostic) {
  if (!diagnostic.fix) return {};
  const fimLintFixSafety = diagnostic.fixSafety ?? 'safe';
  const fix = toEslintFix(diagnostic);
  if (fimLintFixSafety === 'safe') return { fix, fimLintFixSafety };
  return { suggestions: fix ? [{ desc: UNSAFE_FIX, fix }] : [], fimLintFixSafety };
}

/** ESLint carries one `{range, text}`: a fix made of several edits is counted as fixable but not written out. */
function toEslintFix(diagnostic: Diagnostic): { range: [number, number]; text: string } | undefined {
  const edits = diagnostic.fix ?? [];
  if (edits.length !== 1) return undefined;
  return { range: [edits[0]!.start, edits[0]!.end], text: edits[0]!.text };
}
