import type { Place } from '../core/diagnostic.js';

/** A half-open range of UTF-16 offsets into a text. */
export interface Span {
  start: number;
  end: number;
}

/** Lines and columns of offsets into a text, as an editor shows them. */
export class TextPositions {
  readonly #text: string;
  #lineStarts: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** 1-based line and column of an offset (a column counts UTF-16 code units). */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    const starts = (this.#lineStarts ??= lineStarts(this.#text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  /** A span with the lines and columns of its ends. */
  place(span: Span): Place {
    const start = this.position(span.start);
    const end = this.position(Math.max(span.end, span.start));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, start: span.start, end: span.end };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}
