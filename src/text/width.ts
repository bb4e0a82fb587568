import { eastAsianWidth } from 'get-east-asian-width';

/** Made on first use: creating it loads ICU's break rules, which a run printing only ASCII never needs. */
let segmenter: Intl.Segmenter | undefined;

/** Marks, joiners, variation selectors and other characters that take no cell of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/** The characters of a text as a terminal draws them: grapheme clusters. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
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
    while (lineWidth > width) {
      const [head, rest] = splitAtWidth(line, width);
      lines.push(head);
      [line, lineWidth] = [rest, stringWidth(rest)];
    }
  }
  if (lineWidth > 0 || lines.length === 0) lines.push(line);
  return lines;
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
    else lines.push(...wrap(phrase, width));
  }
  return lines;
}
