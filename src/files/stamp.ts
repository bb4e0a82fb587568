import { statSync, type BigIntStats } from 'node:fs';

/** How long after its last change a stat is trusted to stand for the contents (see `statStamp`). */
const SETTLE_NS = 3_000_000_000n;

/**
 * What a stat says of a file's or folder's contents: device, inode, size and both change times, to the nanosecond.
 * Undefined when the last change is less than three seconds old: a file system that keeps coarse times (a second, two
 * on FAT) could give a change made just after this stat the very same times, so a fact remembered under the stamp
 * could outlive the contents it was true of (git calls such index entries "racy").
 */
export function statStamp(stats: BigIntStats, now = Date.now()): string | undefined {
  const changed = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
  if (BigInt(now) * 1_000_000n - changed < SETTLE_NS) return undefined;
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The `statStamp` of the file or folder at `path` (links followed), or undefined when it has none or cannot be read. */
export function fileStamp(path: string): string | undefined {
  try {
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    return stats && statStamp(stats);
  } catch {
    return undefined;
  }
}
