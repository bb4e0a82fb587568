import { eastAsianWidth } from 'get-east-asian-width';
import { appendAll } from '../core/append.js';

/** Made on first use: creating it loads ICU's break rules, which a run printing only ASCII never needs. */
let segmenter: Intl.Segmenter | undefined;

/** Marks, joiners, variation selectors and other characters that take no cell of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/**
 * ICU segments in time that grows with the square of the text's length (16 s for 80,000 characters): a long text is
 * segmented in windows of this many code units.
 */
const WINDOW = 512;

/** The characters of a text as a terminal draws them, grapheme clusters, one by one as they are asked for. */
export function* graphemes(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + WINDOW, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const clusters = Array.from(segmenter.segment(text.slice(start, end)), (part) => part.segment);
    // The last cluster may go on past the window: it is segmented again at the start of the next one.
    const carried = end < text.length && clusters.length > 1 ? clusters.pop()!.length : 0;
    yield* clusters;
    start = end - carried;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The cells a grapheme cluster takes in a terminal: 0, 1 or 2 (East Asian wide and fullwidth characters, emoji). */
export function graphemeWidth(grapheme: string): number {
  for (const character of grapheme) {
    if (ZERO_WIDTH.test(character)) continue;
    return eastAsianWidth(character.codePointAt(0)!);
  }
  return 0;
}

/** The cells a text without line breaks or escape sequences takes in a terminal. */
export function stringWidth(text: string): number {
  // Most lines are ASCII: count them without segmenting.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const grapheme of graphemes(text)) width += graphemeWidth(grapheme);
  return width;
}

/**
 * A text broken into lines of at most `width` cells, at spaces; a word longer than a line by itself is split between
 * characters. Runs of spaces where a line breaks are dropped.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const wordWidth = stringWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (lineWidth > 0) lines.push(line);
    [line, lineWidth] = [word, wordWidth];
    if (wordWidth > width) {
      const pieces = cutToWidth(word, width);
      const last = pieces.pop()!;
      appendAll(lines, pieces.map((piece) => piece.text));
      [line, lineWidth] = [last.text, last.width];
    }
  }
  if (lineWidth > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** A text cut between characters into pieces of at most `width` cells (each at least one character), in one pass. */
function cutToWidth(text: string, width: number): { text: string; width: number }[] {
  const pieces: { text: string; width: number }[] = [];
  let start = 0;
  let end = 0;
  let used = 0;
  for (const grapheme of graphemes(text)) {
    const cells = graphemeWidth(grapheme);
    if (used + cells > width && end > start) {
      pieces.push({ text: text.slice(start, end), width: used });
      [start, used] = [end, 0];
    }
    used += cells;
    end += grapheme.length;
  }
  pieces.push({ text: text.slice(start), width: used });
  return pieces;
}

/** The longest start of a text that fits in `width` cells (at least one character), and the rest. */
export function splitAtWidth(text: string, width: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const grapheme of graphemes(text)) {
    const cells = graphemeWidth(grapheme);
    if (used + cells > width && end > 0) break;
    used += cells;
    end += grapheme.length;
  }
  return [text.slice(0, end), text.slice(end)];
}

/** Phrases joined by spaces into lines of at most `width` cells, breaking only between phrases where they fit. */
export function wrapPhrases(phrases: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const phrase of phrases) {
    const last = lines.at(-1);
    if (last !== undefined && stringWidth(last) + 1 + stringWidth(phrase) <= width) lines[lines.length - 1] = `${last} ${phrase}`;
    else appendAll(lines, wrap(phrase, width));
  }
  return lines;
}
