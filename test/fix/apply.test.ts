import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix/apply.js';
import type { Edit } from '../../src/core/diagnostic.js';

const edit = (start: number, end: number, text: string): Edit => ({ start, end, text });

describe('applyFixes', () => {
  it('applies separate fixes and keeps every other byte', () => {
    const text = 'pkgver: 1.10\npkg_type: FlatImage # keep\n';
    const result = applyFixes(text, [[edit(8, 12, '"1.10"')], [edit(23, 32, 'flatimage')]]);
    expect(result).toEqual({ text: 'pkgver: "1.10"\npkg_type: flatimage # keep\n', applied: [0, 1] });
  });

  it('applies the first of two overlapping fixes and leaves the other for a later pass', () => {
    const result = applyFixes('abcdef', [[edit(2, 5, 'X')], [edit(1, 3, 'Y')]]);
    expect(result).toEqual({ text: 'aYdef', applied: [1] });
  });

  it('does not guess the order of two insertions at one point, nor of an insertion at the edge of a replacement', () => {
    expect(applyFixes('abc', [[edit(1, 1, 'X')], [edit(1, 1, 'Y')]])).toEqual({ text: 'aXbc', applied: [0] });
    expect(applyFixes('abc', [[edit(1, 2, 'X')], [edit(2, 2, 'Y')]])).toEqual({ text: 'aXc', applied: [0] });
    expect(applyFixes('abc', [[edit(0, 1, 'X')], [edit(1, 2, 'Y')]])).toEqual({ text: 'XYc', applied: [0, 1] });
  });

  it('applies a fix of several edits whole or not at all', () => {
    const result = applyFixes('abcdef', [[edit(0, 2, 'X')], [edit(1, 2, 'B'), edit(4, 5, 'E')]]);
    expect(result).toEqual({ text: 'Xcdef', applied: [0] });
  });

  it('counts a fix identical to an applied one as applied (two diagnostics, one edit)', () => {
    expect(applyFixes('ab', [[edit(0, 1, 'A')], [edit(0, 1, 'A')]])).toEqual({ text: 'Ab', applied: [0, 1] });
  });

  it('skips malformed fixes: out of range, reversed, empty, overlapping within themselves, splitting a CRLF', () => {
    const text = 'a\r\nb';
    const fixes = [[edit(-1, 0, 'x')], [edit(2, 1, 'x')], [], [edit(0, 2, 'x'), edit(1, 3, 'y')], [edit(2, 2, 'x')], [edit(0, 9, 'x')]];
    expect(applyFixes(text, fixes)).toEqual({ text, applied: [] });
  });

  it('writes inserted line breaks as the line they land on ends', () => {
    expect(applyFixes('a: 1\r\nb: 2\r\n', [[edit(0, 0, '#!/SBUILD\n')]]).text).toBe('#!/SBUILD\r\na: 1\r\nb: 2\r\n');
    expect(applyFixes('a: 1\nb: 2\n', [[edit(0, 0, '#!/SBUILD\r\n')]]).text).toBe('#!/SBUILD\na: 1\nb: 2\n');
  });

  it('property: applied fixes do not conflict, skipped ones conflict with an applied one, bytes outside applied edits are kept', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#'), maxLength: 40 });
    fc.assert(
      fc.property(
        textArb.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.array(
              fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.string({ unit: fc.constantFrom('X', 'Y', 'Z'), maxLength: 3 })).map(([a, b, t]) => [edit(Math.min(a, b), Math.max(a, b), t)]),
              { maxLength: 8 },
            ),
          ),
        ),
        ([text, fixes]) => {
          const { text: output, applied } = applyFixes(text, fixes);
          const used = applied.map((index) => fixes[index]![0]!);
          const distinct = [...new Map(used.map((e) => [`${e.start},${e.end},${e.text}`, e])).values()].sort((a, b) => a.start - b.start);
          // Rebuild the output from the kept gaps and the edit texts: anything else changed would show here.
          let expected = '';
          let cursor = 0;
          for (const e of distinct) {
            expect(e.start).toBeGreaterThanOrEqual(cursor);
            if (e.start === cursor && cursor > 0 && distinct.indexOf(e) > 0) {
              const previous = distinct[distinct.indexOf(e) - 1]!;
              expect(previous.start !== previous.end && e.start !== e.end).toBe(true);
            }
            expected += text.slice(cursor, e.start) + e.text;
            cursor = e.end;
          }
          expect(output).toBe(expected + text.slice(cursor));
          for (const [index, fix] of fixes.entries()) {
            if (applied.includes(index)) continue;
            const e = fix[0]!;
            const clash = distinct.some((a) => (a.start < e.end && e.start < a.end) || a.start === e.start || a.end === e.start || a.start === e.end);
            expect(clash).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
