import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { hasApplicableFix, type Diagnostic, type Edit } from '../core/diagnostic.js';
import { fixText } from '../fix/fix-text.js';
import { visible } from '../reporters/escape.js';
import { minimalEdit, rangeOf, sharesLines, toLspDiagnostic, toTextEdits } from './convert.js';
import type { Analysis, RecipeLinter } from './recipe-linter.js';

/** The kind of the "fix all in file" action, for editors that run it on save (`source.fixAll`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fim-lint`;
/** What the inserted directive says where its reason goes; `sbuild/disable-directive-reason` wants one. */
export const REASON_PLACEHOLDER = '<reason>';
/** Problems no directive can hide, and the engine's own (not rules). */
const NOT_SUPPRESSIBLE = /^(?:yaml\/syntax|yaml\/encoding|engine\/.*)$/;

export interface ActionRequest {
  range: Range;
  /** The kinds the editor asked for, if it narrowed them. */
  only: readonly string[] | undefined;
  /** Whether the editor takes versioned edits (`documentChanges`). */
  versionedEdits: boolean;
}

/**
 * The code actions for a range: a quick fix per fixable problem (preferred when the fix is safe; an unsafe fix is only
 * a suggestion, which an editor never applies by itself), "disable for this line" per problem, and "fix all", which
 * applies the safe fixes only.
 */
export async function codeActions(analysis: Analysis, diagnostics: readonly Diagnostic[], request: ActionRequest, linter: RecipeLinter): Promise<CodeAction[]> {
  const wants = (kind: string) => !request.only || request.only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const edit = (edits: TextEdit[]) => workspaceEdit(analysis, edits, request.versionedEdits);
  const actions: CodeAction[] = [];
  const here = diagnostics.filter((diagnostic) => sharesLines(request.range, rangeOf(analysis.text, diagnostic.start, diagnostic.end)));

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of here) {
      if (!diagnostic.fix) continue;
      const safe = hasApplicableFix(diagnostic, false);
      actions.push({
        title: `${safe ? 'Fix' : 'Unsafe fix (may change what is built)'} ${diagnostic.ruleId}: ${headline(visible(diagnostic.message))}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(analysis.text, diagnostic)],
        ...(safe ? { isPreferred: true } : {}),
        edit: edit(toTextEdits(analysis.text, diagnostic.fix)),
      });
    }
    for (const diagnostic of here) {
      if (NOT_SUPPRESSIBLE.test(diagnostic.ruleId)) continue;
      const directive = await disableEdit(analysis, diagnostic, linter);
      if (!directive) continue;
      actions.push({
        title: `Disable ${diagnostic.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(analysis.text, diagnostic)],
        edit: edit(toTextEdits(analysis.text, [directive])),
      });
    }
  }

  if (wants(FIX_ALL_KIND) && diagnostics.some((diagnostic) => hasApplicableFix(diagnostic, false))) {
    const text = analysis.outcome.result.source ?? '';
    const fixed = await fixText(text, (next) => linter.relint(analysis, next), analysis.outcome);
    if (fixed.text !== text) {
      actions.push({ title: 'Fix all fim-lint problems in this file', kind: FIX_ALL_KIND, edit: edit(toTextEdits(analysis.text, [minimalEdit(text, fixed.text)])) });
    }
  }
  return actions;
}

/**
 * A `fim-lint-disable-next-line` comment above the problem's line, or else a `fim-lint-disable-line` comment at its end:
 * the first that the engine then reads as a directive on the intended line without new YAML errors (a comment line
 * inside a quoted value, for instance, would be text of the value).
 */
async function disableEdit(analysis: Analysis, diagnostic: Diagnostic, linter: RecipeLinter): Promise<Edit | undefined> {
  const text = analysis.outcome.result.source ?? '';
  const lineStart = text.lastIndexOf('\n', diagnostic.start - 1) + 1;
  const newline = text.indexOf('\n', diagnostic.start);
  const lineEnd = newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = (kind: string) => `# fim-lint-${kind} ${diagnostic.ruleId} -- ${REASON_PLACEHOLDER}`;
  const candidates: { edit: Edit; kind: string; line: number }[] = [];
  // Nothing goes above line 1: the `#!/SBUILD` line must stay first.
  if (diagnostic.line > 1) candidates.push({ edit: { start: lineStart, end: lineStart, text: `${indent}${comment('disable-next-line')}${eol}` }, kind: 'disable-next-line', line: diagnostic.line });
  candidates.push({ edit: { start: lineEnd, end: lineEnd, text: ` ${comment('disable-line')}` }, kind: 'disable-line', line: diagnostic.line });
  const syntaxErrors = countSyntaxErrors(analysis.outcome.result.diagnostics);
  for (const candidate of candidates) {
    const changed = text.slice(0, candidate.edit.start) + candidate.edit.text + text.slice(candidate.edit.end);
    const outcome = await linter.relint(analysis, changed);
    const directive = outcome.suppressions.directives.find((found) => found.kind === candidate.kind && found.ruleIds.includes(diagnostic.ruleId));
    if (!directive || countSyntaxErrors(outcome.result.diagnostics) > syntaxErrors) continue;
    // Both comments end up on the problem's line number: above the problem (which moves down one line), or on it.
    if (directive.line === candidate.line) return candidate.edit;
  }
  return undefined;
}

function countSyntaxErrors(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === 'yaml/syntax').length;
}

/** A message's first part, before the explanation, for a short action title. */
function headline(message: string): string {
  const cut = message.search(/: |\. /);
  const head = cut > 0 ? message.slice(0, cut) : message;
  return head.length > 80 ? `${head.slice(0, 79)}…` : head;
}

function workspaceEdit(analysis: Analysis, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (!versioned) return { changes: { [analysis.uri]: edits } };
  return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] };
}
