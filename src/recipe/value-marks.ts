import { indentOf, isBlank, type Line } from '../text/lines.js';
import { keyLine } from './yaml-layout.js';

/** A character of a value that explains a syntax error: an opening quote or bracket, a `: ` or a ` #`. */
export interface ValueMark {
  line: Line;
  /** Offset of the mark in the text. */
  offset: number;
  /** 1-based column of the mark. */
  column: number;
  /** The mark as written (`"`, `[`, `: `, `#`, …). */
  text: string;
  /** The key whose value holds the mark, when the line has one. */
  key: string | undefined;
  /** The value as written, without a trailing comment. */
  value?: string;
}

interface LineValue {
  key: string | undefined;
  /** Index in the line where the value starts. */
  start: number;
  /** Column of the key or of the list dash: a value continued on later lines is indented further. */
  ownerIndent: number;
}

/** Where the value of a `key: value` or `- value` line starts. */
function lineValue(line: Line): LineValue | undefined {
  const key = keyLine(line);
  if (key) return key.valueStart < line.text.length ? { key: key.key, start: key.valueStart, ownerIndent: key.keyIndent } : undefined;
  const item = /^( *)((?:- +)+)/.exec(line.text);
  if (item && item[0].length < line.text.length) return { key: undefined, start: item[0].length, ownerIndent: item[1]!.length };
  return undefined;
}

function mark(line: Line, index: number, text: string, key: string | undefined, value?: string): ValueMark {
  const found: ValueMark = { line, offset: line.start + index, column: index + 1, text, key };
  if (value !== undefined) found.value = value;
  return found;
}

/** A plain (unquoted) value that holds `needle` (`: ` or ` #`): the mark is at the needle's `:` or `#`. */
export function plainValueWith(line: Line, needle: ': ' | ' #'): ValueMark | undefined {
  const value = lineValue(line);
  if (!value) return undefined;
  const text = line.text.slice(value.start);
  if (/^["'[{|>&*!%@`#]/.test(text)) return undefined;
  const index = needle === ': ' ? (text.endsWith(':') && !text.includes(': ') ? text.length - 1 : text.indexOf(': ')) : text.indexOf(' #');
  if (index === -1) return undefined;
  const at = value.start + index + (needle === ' #' ? 1 : 0);
  const comment = text.indexOf(' #');
  const written = (comment === -1 || needle === ' #' ? text : text.slice(0, comment)).trimEnd();
  if (needle === ': ' && comment !== -1 && comment < index) return undefined;
  return mark(line, at, needle.trim() === '#' ? '#' : ': ', value.key, written);
}

/**
 * The first quoted value that opens on a line and is not closed as a value should be: not on its line, and not on a
 * later line with only a comment after it.
 */
export function findUnclosedQuote(lines: readonly Line[], from: number, to: number, skip: ReadonlySet<number>): ValueMark | undefined {
  // A value closed on a later line: the lines up to its end are inside it.
  let insideUntil = -1;
  for (const { index, line, value, opening } of valuesOpeningWith(`"'`, lines, from, to, skip)) {
    if (index <= insideUntil) continue;
    const quote = opening as '"' | "'";
    let close = closingQuote(line.text, value.start + 1, quote);
    let closeLine = index;
    while (close === -1 && closeLine + 1 < lines.length) {
      closeLine++;
      close = closingQuote(lines[closeLine]!.text, 0, quote);
    }
    const rest = close === -1 ? '' : lines[closeLine]!.text.slice(close + 1);
    if (close !== -1 && /^\s*(#.*)?$/.test(rest)) {
      insideUntil = closeLine;
      continue;
    }
    return mark(line, value.start, quote, value.key);
  }
  return undefined;
}

/** The lines from `from` to `to`, except those in `skip`, whose value opens with one of the characters of `openings`. */
function* valuesOpeningWith(openings: string, lines: readonly Line[], from: number, to: number, skip: ReadonlySet<number>): Generator<{ index: number; line: Line; value: LineValue; opening: string }> {
  for (let index = from; index < to; index++) {
    if (skip.has(index)) continue;
    const line = lines[index]!;
    const value = lineValue(line);
    const opening = value ? line.text[value.start] : undefined;
    if (value && opening && openings.includes(opening)) yield { index, line, value, opening };
  }
}

function closingQuote(text: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * The first flow collection (`[…]`, `{…}`) that opens on a line and is not closed there, nor continued on the lines
 * below it; with the ` #` that cut it short, when a comment did.
 */
export function findUnclosedFlow(lines: readonly Line[], from: number, to: number, skip: ReadonlySet<number>): { open: ValueMark; comment: ValueMark | undefined } | undefined {
  for (const { index, line, value, opening } of valuesOpeningWith('[{', lines, from, to, skip)) {
    const scan = scanFlow(line.text, value.start);
    if (scan.depth === 0) continue;
    const next = lines.slice(index + 1, to).find((candidate) => !isBlank(candidate.text));
    if (next && indentOf(next.text) > value.ownerIndent && scan.comment === -1) continue;
    const comment = scan.comment === -1 ? undefined : mark(line, scan.comment, '#', value.key, line.text.slice(value.start));
    return { open: mark(line, value.start, opening, value.key), comment };
  }
  return undefined;
}

function scanFlow(text: string, start: number): { depth: number; comment: number } {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const close = closingQuote(text, i + 1, char);
      if (close === -1) return { depth, comment: -1 };
      i = close;
    } else if (char === '#' && /\s/.test(text[i - 1] ?? '')) return { depth, comment: i };
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
  }
  return { depth, comment: -1 };
}
