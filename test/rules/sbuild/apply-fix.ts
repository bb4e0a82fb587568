import type { Diagnostic } from '../../../src/core/diagnostic.js';

/** The text after applying a diagnostic's edits (which never overlap), last first so that offsets stay valid. */
export function applyFix(text: string, diagnostic: Diagnostic): string {
  const edits = [...(diagnostic.fix ?? [])].sort((a, b) => b.start - a.start);
  if (edits.length === 0) throw new Error(`no fix on ${diagnostic.ruleId} at ${diagnostic.line}:${diagnostic.column}`);
  return edits.reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}
