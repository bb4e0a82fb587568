import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Returns a check to run between files: it starts a full garbage collection when the heap has grown past `targetMb`.
 * When what is alive is itself larger, the bound moves to twice that, so that a large file does not make every check
 * collect.
 */
export function heapBound(targetMb: number): () => void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const target = targetMb * 1024 * 1024;
  let bound = target;
  return () => {
    if (getHeapStatistics().used_heap_size < bound) return;
    collect();
    bound = Math.max(target, 2 * getHeapStatistics().used_heap_size);
  };
}
