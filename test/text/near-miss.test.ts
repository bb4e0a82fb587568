import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bagDistance, closest, didYouMean, editDistance, editDistanceUpTo, nearMisses } from '../../src/text/near-miss.js';
import { orList } from '../../src/text/or-list.js';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('pkg_tpye', 'pkg_type')).toBe(1);
    expect(editDistance('pkg', 'pkg_id')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early above a bound, and is exact up to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 12 }), fc.nat(4), (a, b, max) => {
        const exact = editDistance(a, b);
        expect(bagDistance(a, b)).toBeLessThanOrEqual(exact);
        const bounded = editDistanceUpTo(a, b, max);
        if (exact <= max) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(max);
      }),
    );
  });

  it('suggests the closest known keys', () => {
    expect(nearMisses('pkg_tpye', ['pkg', 'pkg_id', 'pkg_type'])).toEqual(['pkg_type']);
    expect(nearMisses('key_12345', ['pkg', 'pkg_id', 'pkg_type'])).toEqual([]);
  });

  it('suggests nothing further than the limit of the word, even when nothing is nearer', () => {
    expect(nearMisses('t99', ['TV', 'Qt'])).toEqual([]);
    expect(nearMisses('a', ['tag'])).toEqual([]);
    expect(nearMisses('Vidoe', ['Video'])).toEqual(['Video']);
  });

  it('suggests for a short word only what keeps most of it: an added letter, not a changed one', () => {
    expect(nearMisses('t9', ['TV'])).toEqual([]);
    expect(nearMisses('xv', ['TV'])).toEqual([]);
    expect(nearMisses('tvx', ['TV'])).toEqual(['TV']);
    expect(nearMisses('pk', ['pkg'])).toEqual(['pkg']);
    expect(nearMisses('Tv', ['TV'])).toEqual(['TV']);
  });
});

describe('hints', () => {
  it('joins a choice as a sentence does', () => {
    expect([orList([]), orList(['a']), orList(['a', 'b']), orList(['a', 'b', 'c'])]).toEqual(['', 'a', 'a or b', 'a, b or c']);
  });

  it('says did you mean with the suggestions quoted, or nothing', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['fixes'])).toBe("did you mean 'fixes'?");
    expect(didYouMean(['arch', 'os', 'host'])).toBe("did you mean 'arch', 'os' or 'host'?");
    expect(closest('requireLowercse', ['requireLowercase', 'version'])).toBe('requireLowercase');
    expect(closest('zzz', ['requireLowercase'])).toBeUndefined();
  });
});
