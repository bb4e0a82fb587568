import type { Diagnostic, Place } from '../core/diagnostic.js';
import { graphemes, graphemeWidth, splitAtWidth } from '../text/width.js';
import { getOrMake } from '../core/get-or-make.js';
import { CellIndex } from '../text/cell-index.js';
import { visible } from './escape.js';

/** Lines shown at most for one problem. */
const MAX_LINES = 3;
const TAB_STOP = 8;

type Framed = Place & Pick<Diagnostic, 'severity'>;

/**
 * The code frames of one file: for a problem, the offending lines with a line-number gutter and `^` under the reported
 * span, cut with `…` where a line is wider than `width`:
 *
 *       11 │ pkg: "broken-bin"
 *          │ ^^^
 *
 * Each line is measured once, however many problems it has.
 */
export function codeFrames(source: string, color: boolean, width = Number.POSITIVE_INFINITY): (problem: Framed) => string[] {
  const lines = source.split('\n');
  const measured = new Map<string, ShownLine>();
  const dim = (text: string) => (color ? `\u001B[2m${text}\u001B[22m` : text);
  return (problem) => {
    const last = Math.min(problem.endLine, problem.line + MAX_LINES - 1, lines.length);
    const numberWidth = String(last).length;
    const room = Math.max(width - (numberWidth + 5), 10);
    const mark = (text: string) => (color ? `${problem.severity === 'error' ? '\u001B[31m' : '\u001B[33m'}${text}\u001B[39m` : text);
    const frame: string[] = [];
    for (let number = problem.line; number <= last; number++) {
      const text = (lines[number - 1] ?? '').replace(/\r$/, '');
      const line = getOrMake(measured, `${number}:${room}`, () => new ShownLine(text, room));
      const from = number === problem.line ? problem.column - 1 : text.length - text.trimStart().length;
      const to = number === problem.endLine ? problem.endColumn - 1 : text.length;
      frame.push(`  ${dim(`${String(number).padStart(numberWidth)} │`)} ${line.shown}`);
      const caretStart = Math.min(line.cellsBefore(from), room - 1);
      const carets = Math.max(1, Math.min(line.cellsBefore(Math.min(to, text.length)), room) - caretStart);
      frame.push(`  ${dim(`${' '.repeat(numberWidth)} │`)} ${' '.repeat(caretStart)}${mark('^'.repeat(carets))}`);
    }
    return frame;
  };
}

/**
 * A line as a terminal shows it (controls escaped, tabs expanded to the next stop), measured up to `room` cells and no
 * further: what lies past the cut never takes time.
 */
class ShownLine {
  /** The line, or its start and `…` where it is wider than `room`. */
  readonly shown: string;
  readonly #cells = new CellIndex();
  /** The cells past the last cluster measured: the whole line's, or more than there is room for where it is cut. */
  readonly #past: number;

  constructor(text: string, room: number) {
    let offset = 0;
    let cells = 0;
    let shown = '';
    let cut: string | undefined;
    for (const grapheme of graphemes(text)) {
      const tab = grapheme === '\t' ? TAB_STOP - (cells % TAB_STOP) : 0;
      const piece = tab > 0 ? ' '.repeat(tab) : visible(grapheme);
      const pieceCells = tab > 0 ? tab : piece === grapheme ? graphemeWidth(grapheme) : piece.length;
      if (cells + pieceCells > room - 1 && cut === undefined) cut = `${shown}${fittingStart(piece, room - 1 - cells, cells === 0)}…`;
      offset += grapheme.length;
      cells += pieceCells;
      this.#cells.add(offset, cells);
      if (cells > room) break;
      shown += piece;
    }
    this.#past = cells > room ? Number.POSITIVE_INFINITY : cells;
    this.shown = cells > room ? cut! : shown;
  }

  /** The cells the line takes as shown before code unit `index`. */
  cellsBefore(index: number): number {
    return this.#cells.cellsBefore(index, this.#past);
  }
}

/**
 * What fits in `cells` of a piece of the shown line: the characters of an escape or an expanded tab one by one, a
 * cluster whole or not at all, but always something at the start of the line.
 */
function fittingStart(piece: string, cells: number, lineStart: boolean): string {
  if (lineStart) return splitAtWidth(piece, cells)[0];
  return /^[\x20-\x7e]*$/.test(piece) ? piece.slice(0, cells) : '';
}
