import type { Diagnostic } from '../core/diagnostic.js';
import { getOrMake } from '../core/get-or-make.js';
import { CellIndex } from '../text/cell-index.js';
import { graphemes, graphemeWidth } from '../text/width.js';

/**
 * What a column number counts: `byte` the UTF-8 bytes before it (Vim's `%c`, Emacs, gcc's `-fdiagnostics-column-unit=byte`),
 * `utf-16` UTF-16 code units (VS Code, LSP, ESLint), `display` terminal cells with tabs to the next multiple of 8
 * (gcc's default `display`, Vim's `%v`).
 */
export type ColumnUnit = 'byte' | 'utf-16' | 'display';

export const COLUMN_UNITS: readonly ColumnUnit[] = ['byte', 'utf-16', 'display'];

const TAB_STOP = 8;

/** Converts the 1-based UTF-16 columns of a file's diagnostics to another unit, reading the lines once. */
export class ColumnConverter {
  readonly #lineStarts: number[] = [0];
  readonly #displayCellsByLine = new Map<number, CellIndex>();

  constructor(
    readonly source: string | undefined,
    readonly unit: ColumnUnit,
  ) {
    if (source === undefined || unit === 'utf-16') return;
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) this.#lineStarts.push(index + 1);
  }

  /** The start column of a diagnostic in the unit; the UTF-16 column when the text is not at hand. */
  column(diagnostic: Diagnostic): number {
    const { source, unit } = this;
    const lineStart = this.#lineStarts[diagnostic.line - 1];
    if (source === undefined || unit === 'utf-16' || lineStart === undefined) return diagnostic.column;
    const before = source.slice(lineStart, lineStart + diagnostic.column - 1);
    if (/^[\x20-\x7e]*$/.test(before)) return diagnostic.column;
    return (unit === 'byte' ? Buffer.byteLength(before, 'utf8') : this.#displayCells(diagnostic.line - 1).cellsBefore(before.length)) + 1;
  }

  /** A line's display cells, measured once for all its diagnostics. */
  #displayCells(lineIndex: number): CellIndex {
    return getOrMake(this.#displayCellsByLine, lineIndex, () => {
      const cells = new CellIndex();
      const start = this.#lineStarts[lineIndex]!;
      const end = this.#lineStarts[lineIndex + 1] ?? this.source!.length + 1;
      let offset = 0;
      let width = 0;
      for (const grapheme of graphemes(this.source!.slice(start, end - 1))) {
        offset += grapheme.length;
        width = grapheme === '\t' ? width + TAB_STOP - (width % TAB_STOP) : width + graphemeWidth(grapheme);
        cells.add(offset, width);
      }
      return cells;
    });
  }
}
