import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapBound } from '../../src/core/heap-bound.js';

const usedMb = () => getHeapStatistics().used_heap_size / 1024 / 1024;

/** The heap in use just after about 40 MB of strings became garbage, and after a check with `targetMb`. */
function checkAfterGarbage(targetMb: number): { before: number; after: number } {
  const check = heapBound(targetMb);
  const held: { lines?: string[] } = { lines: Array.from({ length: 400_000 }, (_, index) => `garbage line ${index} `.repeat(4)) };
  const before = usedMb();
  delete held.lines;
  check();
  return { before, after: usedMb() };
}

describe('heapBound', () => {
  it('collects the garbage once the heap has grown past the target', () => {
    const { before, after } = checkAfterGarbage(1);
    expect(after).toBeLessThan(before - 20);
  });

  it('does not collect while the heap is below the target', () => {
    const { before, after } = checkAfterGarbage(1_000_000);
    expect(after).toBeGreaterThan(before - 5);
  });
});
