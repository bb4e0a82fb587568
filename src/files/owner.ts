import type { Stats } from 'node:fs';

/** Whether the running user owns a file, as `stat` tells; true where the system has no user ids (Windows). */
export function isOwnedByUs(stats: Pick<Stats, 'uid'>): boolean {
  return process.getuid === undefined || stats.uid === process.getuid();
}
