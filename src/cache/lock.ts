import { open, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock this old was left by a run that died (a compaction takes well under a second): it is broken. */
export const STALE_LOCK_MS = 60_000;
const POLL_MS = 10;

/**
 * Takes the lock file at `path` (created exclusively, so one holder at a time across threads and processes), waiting up
 * to `waitMs` while another holds it. Returns the function that releases it, or undefined when it could not be had
 * in time or at all (a read-only directory): the caller then goes on without it.
 */
export async function acquireLock(path: string, waitMs: number): Promise<(() => Promise<void>) | undefined> {
  const deadline = Date.now() + waitMs;
  let brokenStale = false;
  for (;;) {
    try {
      await (await open(path, 'wx')).close();
      return () => rm(path, { force: true }).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
    if (!brokenStale && (await isStale(path))) {
      brokenStale = true;
      await rm(path, { force: true }).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(POLL_MS);
  }
}

async function isStale(path: string): Promise<boolean> {
  try {
    return (await stat(path)).mtimeMs < Date.now() - STALE_LOCK_MS;
  } catch {
    return false;
  }
}
