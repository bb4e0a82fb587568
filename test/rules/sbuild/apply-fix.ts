import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { applyFixes } from '../../../src/fix/apply.js';

/** The text after the fix engine applies one diagnostic's fix (which must exist and apply). */
export function applyFix(text: string, diagnostic: Diagnostic): string {
  if (!diagnostic.fix) throw new Error(`no fix on ${diagnostic.ruleId} at ${diagnostic.line}:${diagnostic.column}`);
  const { text: fixed, applied } = applyFixes(text, [diagnostic.fix]);
  if (applied.length !== 1) throw new Error(`the fix of ${diagnostic.ruleId} at ${diagnostic.line}:${diagnostic.column} does not apply`);
  return fixed;
}
