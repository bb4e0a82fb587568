import { describe, expect, it } from 'vitest';
import { splitAtWidth, stringWidth, wrap } from '../../src/text/width.js';

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
