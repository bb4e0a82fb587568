import { describe, expect, it } from 'vitest';
import { Variables } from '../../src/shell/variables.js';

describe('shell variables with name references', () => {
  it('reads and sets the named variable through a reference, elements included, in clones too', () => {
    const variables = new Variables([['img', ['./x']]]);
    variables.refer('ref', 'img');
    expect(variables.get('ref')).toEqual(['./x']);
    variables.set('ref', ['./y']);
    expect(variables.get('img')).toEqual(['./y']);
    variables.set('img[0]', ['a']);
    expect(variables.get('ref[0]')).toEqual(['a']);
    const clone = variables.clone();
    clone.set('img', ['./z']);
    expect([clone.get('ref'), variables.get('ref')]).toEqual([['./z'], ['./y']]);
  });

  it('follows references to references and leaves a reference to itself alone', () => {
    const variables = new Variables([['c', ['v']]]);
    variables.refer('a', 'b');
    variables.refer('b', 'c');
    expect(variables.get('a')).toEqual(['v']);
    variables.refer('c', 'a');
    expect(variables.get('c')).toEqual(['v']);
  });
});
