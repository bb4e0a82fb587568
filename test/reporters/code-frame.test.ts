import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeFrames } from '../../src/reporters/code-frame.js';

const SOURCE = '#!/SBUILD\nx_tab:\t"a\tb"\nx_esc: "\u001B[31mred é 日本語 end of a line long enough to be cut at forty cells"\n';

describe('code frames', () => {
  afterEach(() => vi.restoreAllMocks());

  it('expands tabs, escapes controls and cuts a line wider than the terminal, with the carets under the span as shown', () => {
    const frame = codeFrames(SOURCE, false, 40);
    expect(frame({ line: 2, column: 8, endLine: 2, endColumn: 13, severity: 'error' })).toEqual(['  2 │ x_tab:  "a      b"', '    │         ^^^^^^^^^^']);
    expect(frame({ line: 3, column: 19, endLine: 3, endColumn: 30, severity: 'warning' })).toEqual([
      '  3 │ x_esc: "\\e[31mred é 日本語 end of…',
      '    │                    ^^^^^^^^^^^^^^',
    ]);
    expect(frame({ line: 2, column: 1, endLine: 3, endColumn: 80, severity: 'warning' })).toEqual([
      '  2 │ x_tab:  "a      b"',
      '    │ ^^^^^^^^^^^^^^^^^^',
      '  3 │ x_esc: "\\e[31mred é 日本語 end of…',
      '    │ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    ]);
  });

  it('measures a line once however many problems it has, and only as far as the terminal shows it', () => {
    const lengths: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
      lengths.push(text.length);
      return segment.call(this, text);
    });
    const items = Array(20_000).fill('"MIT"');
    const line = `license: [${items.join(', ')}]`;
    const frame = codeFrames(`#!/SBUILD\n${line}\n`, false, 80);
    const frames = items.map((_, index) => frame({ line: 2, column: 11 + 7 * index, endLine: 2, endColumn: 16 + 7 * index, severity: 'warning' }));
    expect(frames[0]).toEqual([`  2 │ ${line.slice(0, 73)}…`, `    │           ^^^^^`]);
    expect(frames.at(-1)).toEqual([`  2 │ ${line.slice(0, 73)}…`, `    │ ${' '.repeat(73)}^`]);
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBeLessThan(1024);
  });
});
