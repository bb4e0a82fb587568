import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphemes, splitAtWidth, stringWidth, wrap } from '../../src/text/width.js';

describe('terminal width of text', () => {
  it('counts East Asian wide characters and emoji as two cells, marks and joiners as none', () => {
    expect(stringWidth('pkg: hello')).toBe(10);
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('ｆｕｌｌ')).toBe(8);
    expect(stringWidth('e\u0301te\u0301')).toBe(3);
    expect(stringWidth('👩‍💻 ok')).toBe(5);
    expect(stringWidth('Ünïcödé')).toBe(7);
  });

  it('wraps at spaces to the width, counting wide characters as two cells', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('日本語 の テキスト です', 10)).toEqual(['日本語 の', 'テキスト', 'です']);
    expect(wrap('a  b', 10)).toEqual(['a b']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('splits a word longer than a line between characters, never inside a wide character', () => {
    expect(wrap('https://example.com/a/very/long/path ok', 12)).toEqual(['https://exam', 'ple.com/a/ve', 'ry/long/path', 'ok']);
    expect(splitAtWidth('日本語', 3)).toEqual(['日', '本語']);
    expect(splitAtWidth('日本語', 1)).toEqual(['日', '本語']);
  });
});

describe('long text', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The lengths of the texts handed to ICU's segmenter, whose time grows with the square of the length. */
  function segmentedLengths(): number[] {
    const lengths: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
      lengths.push(text.length);
      return segment.call(this, text);
    });
    return lengths;
  }

  it('is segmented in short windows, with clusters that cross a window whole', () => {
    const lengths = segmentedLengths();
    const accents = 'e\u0301'.repeat(3000);
    const flags = '\u{1F1FA}\u{1F1F8}'.repeat(700);
    const families = 'x👨‍👩‍👧'.repeat(300);
    expect([...graphemes(accents)]).toEqual(Array(3000).fill('e\u0301'));
    expect([...graphemes(flags)]).toEqual(Array(700).fill('\u{1F1FA}\u{1F1F8}'));
    expect([...graphemes(families)]).toEqual(Array(300).fill(['x', '👨‍👩‍👧']).flat());
    expect(Math.max(...lengths)).toBeLessThanOrEqual(512);
  });

  it('wraps a word of 40,000 characters with one segmentation of it, in short windows', () => {
    const lengths = segmentedLengths();
    const word = 'kй'.repeat(20_000);
    const rows = wrap(`value ${word}`, 70);
    // Measured once, cut once.
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBeLessThan(2.1 * word.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(512);
    expect(rows.join('')).toBe(`value${word}`);
    expect(rows.slice(1, -1).every((row) => stringWidth(row) === 70)).toBe(true);
  });
});
