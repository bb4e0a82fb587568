import { describe, expect, it } from 'vitest';
import { DEFAULT_IFS, readFields, splitWords } from '../../src/shell/read-fields.js';

describe('fields and words split at IFS', () => {
  it('gives read its fields, the last name taking the rest of the line', () => {
    expect(readFields('  strip  ./x  y ', 2, DEFAULT_IFS)).toEqual(['strip', './x  y']);
    expect(readFields('a:b::c', 3, ':')).toEqual(['a', 'b', ':c']);
  });

  it('splits an unquoted expansion as bash does: blanks collapse, other separators do not, no word after a final one', () => {
    expect(splitWords(' strip\t./x \n', DEFAULT_IFS)).toEqual(['strip', './x']);
    expect(splitWords('upx,./x,', ',')).toEqual(['upx', './x']);
    expect(splitWords('a,,b', ',')).toEqual(['a', '', 'b']);
    expect(splitWords('a , b', ', ')).toEqual(['a', 'b']);
    expect(splitWords('strip ./x', '')).toEqual(['strip ./x']);
  });
});
