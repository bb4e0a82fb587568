/** One line of a text: where it starts, where its content ends (before `\r\n` or `\n`) and its content. */
export interface Line {
  /** 0-based line index. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** The lines of a text, line breaks excluded (a final line break does not start an empty last line). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
    start = next;
  }
  return lines;
}

/** The 0-based index of the line that holds an offset. */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The number of spaces that start a line. */
export function indentOf(line: string): number {
  let count = 0;
  while (line.charCodeAt(count) === 0x20) count++;
  return count;
}

/** True for a line of white space only. */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}
