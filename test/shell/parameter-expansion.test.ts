import { describe, expect, it } from 'vitest';
import { expandParameter } from '../../src/shell/parameter-expansion.js';

const bound = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
const expand = (text: string, entries: Record<string, string[]> = {}) => expandParameter(text, bound(entries));

describe('parameter expansion', () => {
  it('applies the string operations to each value a variable may hold, as bash does', () => {
    const t = { t: ['xxstrip.tmp', 'a/b/c.tar.gz'] };
    expect(expand('${t#*x}', t)).toEqual(['xstrip.tmp', 'a/b/c.tar.gz']);
    expect(expand('${t##*/}', t)).toEqual(['xxstrip.tmp', 'c.tar.gz']);
    expect(expand('${t%.*}', t)).toEqual(['xxstrip', 'a/b/c.tar']);
    expect(expand('${t%%.*}', t)).toEqual(['xxstrip', 'a/b/c']);
    expect(expand('${t/x/}', t)).toEqual(['xstrip.tmp', 'a/b/c.tar.gz']);
    expect(expand('${t//[a-c]/_}', t)).toEqual(['xxstrip.tmp', '_/_/_.t_r.gz']);
    expect(expand('${t/#xx/}', t)).toEqual(['strip.tmp', 'a/b/c.tar.gz']);
    expect(expand('${t/%.tmp/"-1"}', t)).toEqual(['xxstrip-1', 'a/b/c.tar.gz']);
    expect(expand('${t:2:5}', t)).toEqual(['strip', 'b/c.t']);
    const u = { u: ['xaybzab'] };
    expect([expand('${u//a*b/-}', u), expand('${u/%z*/-}', u), expand('${u/#x*y/-}', u), expand('${u//b/-}', u)]).toEqual([['x-'], ['xayb-'], ['-bzab'], ['xay-za-']]);
    expect(expand('${t: -3}', t)).toEqual(['tmp', '.gz']);
    expect(expand('${t:0:-4}', t)).toEqual(['xxstrip', 'a/b/c.ta']);
    expect(expand('${T,,}', { T: ['STRIP'] })).toEqual(['strip']);
    expect(expand('${t^}', { t: ['strip'] })).toEqual(['Strip']);
    expect(expand('${t@U}', { t: ['strip'] })).toEqual(['STRIP']);
  });

  it('reads operands with quotes, escapes and variables; quoted glob characters match themselves', () => {
    expect(expand('${t#"*"}', { t: ['*x', 'yx'] })).toEqual(['x', 'yx']);
    expect(expand('${t%\\?}', { t: ['a?', 'ab'] })).toEqual(['a', 'ab']);
    expect(expand('${t/$from/$to}', { t: ['stXip'], from: ['X'], to: ['r'] })).toEqual(['strip']);
    expect(expand('${t/$(echo X)/r}', { t: ['stXip'] })).toBeUndefined();
  });

  it('gives a default or alternative word, and both a set variable and the default when the script does not set it', () => {
    expect(expand('${IMG:-./${PKG}}')).toEqual(['./${PKG}', '${IMG}']);
    expect(expand('${IMG-"a b"}', { IMG: ['x'] })).toEqual(['x']);
    expect(expand('${IMG:+./other}', { IMG: ['x'] })).toEqual(['./other']);
    expect(expand('${IMG:?not set}')).toEqual(['${IMG}']);
  });

  it('leaves what it cannot know as written: unset variables, values with unknown parts, several stars', () => {
    expect(expand('${t#x}')).toBeUndefined();
    expect(expand('${img^^}', { img: ['./${PKG}'] })).toBeUndefined();
    expect(expand('${img%.tmp}', { img: ['./${PKG}.tmp'] })).toEqual(['./${PKG}']);
    expect(expand('${img%-alpine}', { img: ['./${PKG}'] })).toBeUndefined();
    expect(expand('${img##*/}', { img: ['${SBUILD_OUTDIR}/x'] })).toEqual(['x']);
    expect(expand('${img%%/*}', { img: ['./${PKG}'] })).toEqual(['.']);
    expect(expand('${img%/*}', { img: ['./${PKG}'] })).toBeUndefined();
    expect(expand('${t#*a*b}', { t: ['xaxb'] })).toBeUndefined();
    expect(expand('${#t}', { t: ['x'] })).toBeUndefined();
  });
});
