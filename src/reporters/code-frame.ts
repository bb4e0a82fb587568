import type { Diagnostic, Place } from '../core/diagnostic.js';
import { graphemes, graphemeWidth, splitAtWidth, stringWidth } from '../text/width.js';
import { visible } from './escape.js';

/** Lines shown at most for one problem. */
const MAX_LINES = 3;
const TAB_STOP = 8;

/**
 * The offending lines of a problem with a line-number gutter and `^` under the reported span, cut with `…` where a
 * line is wider than `width`:
 *
 *       11 │ pkg: "broken-bin"
 *          │ ^^^
 */
export function codeFrame(source: string, diagnostic: Place & Pick<Diagnostic, 'severity'>, color: boolean, width = Number.POSITIVE_INFINITY): string[] {
  const lines = source.split('\n');
  const last = Math.min(diagnostic.endLine, diagnostic.line + MAX_LINES - 1, lines.length);
  const numberWidth = String(last).length;
  const room = Math.max(width - (numberWidth + 5), 10);
  const dim = (text: string) => (color ? `\u001B[2m${text}\u001B[22m` : text);
  const mark = (text: string) => (color ? `${diagnostic.severity === 'error' ? '\u001B[31m' : '\u001B[33m'}${text}\u001B[39m` : text);
  const frame: string[] = [];
  for (let number = diagnostic.line; number <= last; number++) {
    const text = (lines[number - 1] ?? '').replace(/\r$/, '');
    const from = number === diagnostic.line ? diagnostic.column - 1 : text.length - text.trimStart().length;
    const to = number === diagnostic.endLine ? diagnostic.endColumn - 1 : text.length;
    // Measured on the text as shown, where an escaped control takes several columns and a tab up to 8.
    const shown = expandTabs(visible(text));
    const start = stringWidth(expandTabs(visible(text.slice(0, from))));
    const end = stringWidth(expandTabs(visible(text.slice(0, Math.min(to, text.length)))));
    const fits = stringWidth(shown) <= room;
    frame.push(`  ${dim(`${String(number).padStart(numberWidth)} │`)} ${fits ? shown : `${splitAtWidth(shown, room - 1)[0]}…`}`);
    const caretStart = Math.min(start, room - 1);
    const carets = Math.max(1, Math.min(end, room) - caretStart);
    frame.push(`  ${dim(`${' '.repeat(numberWidth)} │`)} ${' '.repeat(caretStart)}${mark('^'.repeat(carets))}`);
  }
  return frame;
}

/** Tabs as the spaces a terminal shows for them, so that the carets line up with the text above. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const grapheme of graphemes(text)) {
    if (grapheme === '\t') {
      const spaces = TAB_STOP - (column % TAB_STOP);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += grapheme;
      column += graphemeWidth(grapheme);
    }
  }
  return out;
}
