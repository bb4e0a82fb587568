import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapBound } from '../../src/core/heap-bound.js';

const usedMb = () => getHeapStatistics().used_heap_size / 1024 / 1024;

describe('heapBound', () => {
  it('collects the garbage once the heap has grown past the target', () => {
    const check = heapBound(1);
    let garbage: string[] | undefined = Array.from({ length: 400_000 }, (_, index) => `garbage line ${index} `.repeat(4));
    const before = usedMb();
    garbage = undefined;
    check();
    expect(garbage).toBeUndefined();
    expect(usedMb()).toBeLessThan(before - 20);
  });

  it('does not collect while the heap is below the target', () => {
    const check = heapBound(1_000_000);
    let garbage: string[] | undefined = Array.from({ length: 400_000 }, (_, index) => `garbage line ${index} `.repeat(4));
    const before = usedMb();
    garbage = undefined;
    check();
    expect(garbage).toBeUndefined();
    expect(usedMb()).toBeGreaterThan(before - 5);
  });
});
