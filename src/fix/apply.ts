import type { Edit } from '../core/diagnostic.js';

/** One diagnostic's fix: its edits are applied together or not at all. */
export type Fix = readonly Edit[];

export interface AppliedFixes {
  text: string;
  /** Indexes (into the given fixes) of the fixes that were applied, in the order given. */
  applied: number[];
}

/**
 * Applies every fix that does not overlap a fix before it (in text order) and is well-formed; the others are left for
 * a later pass. A fix identical to an applied one counts as applied. Inserted line breaks take the line ending of the
 * line they are inserted into.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const order = fixes
    .map((fix, index) => ({ index, edits: [...fix].sort((a, b) => a.start - b.start || a.end - b.end) }))
    .filter(({ edits }) => isWellFormed(text, edits))
    .sort((a, b) => a.edits[0]!.start - b.edits[0]!.start || a.index - b.index);

  const taken: Edit[] = [];
  const appliedKeys = new Set<string>();
  const applied: number[] = [];
  for (const { index, edits } of order) {
    const key = JSON.stringify(edits.map((edit) => [edit.start, edit.end, edit.text]));
    if (appliedKeys.has(key)) {
      applied.push(index);
      continue;
    }
    if (edits.some((edit) => conflictsWithAny(edit, taken))) continue;
    for (const edit of edits) insertSorted(taken, edit);
    appliedKeys.add(key);
    applied.push(index);
  }

  let output = '';
  let cursor = 0;
  for (const edit of taken) {
    output += text.slice(cursor, edit.start) + withLineEndingOf(text, edit);
    cursor = edit.end;
  }
  output += text.slice(cursor);
  return { text: output, applied: applied.sort((a, b) => a - b) };
}

/** Edits within the text, not overlapping each other, not splitting a CRLF or a surrogate pair. */
function isWellFormed(text: string, edits: readonly Edit[]): boolean {
  if (edits.length === 0) return false;
  for (const [i, edit] of edits.entries()) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || typeof edit.text !== 'string') return false;
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) return false;
    if (splitsPair(text, edit.start) || splitsPair(text, edit.end)) return false;
    if (i > 0 && conflicts(edits[i - 1]!, edit)) return false;
  }
  return true;
}

function splitsPair(text: string, offset: number): boolean {
  if (offset === 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 0x0d && after === 0x0a) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/**
 * Two edits conflict when their ranges share a character, or when one inserts at a point the other touches (the
 * order of the two texts would then be a guess).
 */
function conflicts(a: Edit, b: Edit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const aInserts = a.start === a.end;
  const bInserts = b.start === b.end;
  if (aInserts && (a.start === b.start || a.start === b.end)) return true;
  if (bInserts && (b.start === a.start || b.start === a.end)) return true;
  return false;
}

function conflictsWithAny(edit: Edit, sorted: readonly Edit[]): boolean {
  const at = lowerBound(sorted, edit);
  // Only the neighbours around the insertion point can overlap a range in a sorted list of disjoint ranges.
  for (let i = Math.max(0, at - 1); i < Math.min(sorted.length, at + 2); i++) if (conflicts(sorted[i]!, edit)) return true;
  return false;
}

function insertSorted(sorted: Edit[], edit: Edit): void {
  sorted.splice(lowerBound(sorted, edit), 0, edit);
}

function lowerBound(sorted: readonly Edit[], edit: Edit): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const item = sorted[middle]!;
    if (item.start < edit.start || (item.start === edit.start && item.end < edit.end)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The edit's text with its line breaks written as the line it lands on ends (CRLF or LF). */
function withLineEndingOf(text: string, edit: Edit): string {
  if (!edit.text.includes('\n')) return edit.text;
  const crlf = lineEndsWithCrlf(text, edit.start);
  const lf = edit.text.replace(/\r\n/g, '\n');
  return crlf ? lf.replace(/\n/g, '\r\n') : lf;
}

function lineEndsWithCrlf(text: string, offset: number): boolean {
  const next = text.indexOf('\n', offset);
  if (next !== -1) return next > 0 && text[next - 1] === '\r';
  const previous = text.lastIndexOf('\n', offset - 1);
  return previous > 0 && text[previous - 1] === '\r';
}
