import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { terminalFor } from '../../src/cli/terminal.js';
import { ColumnConverter } from '../../src/reporters/columns.js';

describe('what a terminal can show', () => {
  it('colours a TTY unless NO_COLOR or TERM=dumb; FORCE_COLOR and the flags win', () => {
    expect(terminalFor({ env: {}, isTTY: true }).color).toBe(true);
    expect(terminalFor({ env: {}, isTTY: false }).color).toBe(false);
    expect(terminalFor({ env: { NO_COLOR: '1' }, isTTY: true }).color).toBe(false);
    expect(terminalFor({ env: { TERM: 'dumb' }, isTTY: true }).color).toBe(false);
    expect(terminalFor({ env: { FORCE_COLOR: '1' }, isTTY: false }).color).toBe(true);
    expect(terminalFor({ env: { FORCE_COLOR: '0' }, isTTY: true }).color).toBe(false);
    expect(terminalFor({ env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: false }).color).toBe(true);
    expect(terminalFor({ env: { FORCE_COLOR: '1' }, isTTY: true, colorFlag: false }).color).toBe(false);
    expect(terminalFor({ env: { NO_COLOR: '1' }, isTTY: false, colorFlag: true }).color).toBe(true);
  });

  it('makes hyperlinks on a TTY that is not a CI log or a dumb terminal, unless FORCE_HYPERLINK says otherwise', () => {
    expect(terminalFor({ env: {}, isTTY: true }).hyperlinks).toBe(true);
    expect(terminalFor({ env: {}, isTTY: false }).hyperlinks).toBe(false);
    expect(terminalFor({ env: { CI: 'true' }, isTTY: true }).hyperlinks).toBe(false);
    expect(terminalFor({ env: { TERM: 'dumb' }, isTTY: true }).hyperlinks).toBe(false);
    expect(terminalFor({ env: { FORCE_HYPERLINK: '0' }, isTTY: true }).hyperlinks).toBe(false);
    expect(terminalFor({ env: { FORCE_HYPERLINK: '1', CI: 'true' }, isTTY: false }).hyperlinks).toBe(true);
  });

  it('is as wide as the TTY, else COLUMNS, else 80', () => {
    expect(terminalFor({ env: { COLUMNS: '120' }, isTTY: true, columns: 100 }).width).toBe(100);
    expect(terminalFor({ env: { COLUMNS: '120' }, isTTY: false, columns: 100 }).width).toBe(120);
    expect(terminalFor({ env: { COLUMNS: 'wide' }, isTTY: false }).width).toBe(80);
    expect(terminalFor({ env: {}, isTTY: true, columns: 0 }).width).toBe(80);
  });
});

describe('column units', () => {
  const source = 'pkg: "a"\n\tname: "日本語", x: é1\n';
  const at = (line: number, column: number) => ({ line, column }) as Diagnostic;

  it('counts UTF-8 bytes, UTF-16 code units or terminal cells with tabs to the next multiple of 8', () => {
    const x = at(2, 15);
    expect(source.split('\n')[1]!.slice(14, 15)).toBe('x');
    expect(new ColumnConverter(source, 'utf-16').column(x)).toBe(15);
    expect(new ColumnConverter(source, 'byte').column(x)).toBe(21);
    expect(new ColumnConverter(source, 'display').column(x)).toBe(25);
    expect(new ColumnConverter(source, 'byte').column(at(1, 6))).toBe(6);
  });

  it('keeps the UTF-16 column when the text is not at hand', () => {
    expect(new ColumnConverter(undefined, 'byte').column(at(2, 18))).toBe(18);
    expect(new ColumnConverter(source, 'byte').column(at(9, 3))).toBe(3);
  });

  it('measures a line once for all its diagnostics in terminal cells', () => {
    const lengths: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
      lengths.push(text.length);
      return segment.call(this, text);
    });
    const line = `license: ["é", ${Array(20_000).fill('"MIT"').join(', ')}]`;
    const converter = new ColumnConverter(`#!/SBUILD\n${line}\n`, 'display');
    const columns = Array.from({ length: 20_000 }, (_, index) => converter.column(at(2, 17 + 7 * index)));
    spy.mockRestore();
    expect(columns.slice(0, 2)).toEqual([17, 24]);
    expect(columns.at(-1)).toBe(17 + 7 * 19_999);
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBeLessThan(2 * line.length);
  });
});
