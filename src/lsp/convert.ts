import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Edit, Severity } from '../core/diagnostic.js';
import { visible } from '../reporters/escape.js';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * Where the engine's offsets start in the editor's text: the engine lints the text without a byte order mark, which an
 * editor may keep at the start of its buffer.
 */
export interface LintedText {
  document: TextDocument;
  /** 1 when the editor's text starts with a byte order mark, else 0. */
  shift: number;
}

export function rangeOf(text: LintedText, start: number, end: number): Range {
  return { start: text.document.positionAt(start + text.shift), end: text.document.positionAt(Math.max(start, end) + text.shift) };
}

export function toLspDiagnostic(text: LintedText, diagnostic: Diagnostic): LspDiagnostic {
  const lsp: LspDiagnostic = {
    range: rangeOf(text, diagnostic.start, diagnostic.end),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.ruleId,
    source: 'fim-lint',
    message: visible(diagnostic.message),
  };
  if (diagnostic.url) lsp.codeDescription = { href: diagnostic.url };
  if (diagnostic.related?.length) {
    lsp.relatedInformation = diagnostic.related.map((related) => ({
      location:
        related.path === undefined
          ? { uri: text.document.uri, range: rangeOf(text, related.start, related.end) }
          : { uri: pathToFileURL(resolve(related.path)).href, range: { start: { line: related.line - 1, character: related.column - 1 }, end: { line: related.endLine - 1, character: related.endColumn - 1 } } },
      message: visible(related.message),
    }));
  }
  return lsp;
}

export function toTextEdits(text: LintedText, edits: readonly Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: rangeOf(text, edit.start, edit.end), newText: edit.text }));
}

/** One edit that turns `before` into `after`: the span between their common start and common end. */
export function minimalEdit(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}

/** Whether two ranges share a line (an empty request range is the cursor's line). */
export function sharesLines(range: Range, other: Range): boolean {
  return other.start.line <= range.end.line && range.start.line <= other.end.line;
}
