import type { Diagnostic } from '../../src/core/diagnostic.js';

/** Applies every fix of the diagnostics to the text, from the end backwards (the fixes must not overlap). */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const edits = diagnostics.flatMap((diagnostic) => diagnostic.fix ?? []).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
