import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOwnedByUs } from '../files/owner.js';

const SECRET_BYTES = 32;
export const SECRET_FILE = 'shellcheck.key';

/**
 * The secret that signs the keys of a cache, in `<location>/shellcheck.key`. It is trusted only when it is a regular
 * file of this user that nobody else may read (mode 0600): git checks files out readable by all, so a secret committed
 * to a repository is replaced, while a cache restored by its owner (actions/cache keeps modes) keeps its own. A new
 * secret makes every entry written before it unreachable.
 */
export function cacheSecret(location: string): Buffer {
  const path = join(location, SECRET_FILE);
  const existing = trustedSecret(path);
  if (existing) return existing;
  const secret = randomBytes(SECRET_BYTES);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(location, { recursive: true });
    writeFileSync(temporary, secret, { mode: 0o600, flag: 'wx' });
    try {
      // Exclusive: of runs that start on an empty cache at once, the first secret wins and the others read it.
      linkSync(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const winner = trustedSecret(path);
      if (winner) return winner;
      // An untrusted file (or link) is replaced, never written through.
      renameSync(temporary, path);
    }
  } catch {
    // A read-only cache: this run's secret signs entries that cannot be written anyway.
  } finally {
    rmSync(temporary, { force: true });
  }
  return secret;
}

/** The key an entry is stored under, in a cache with this secret. */
export function signedKey(secret: Buffer, key: string): string {
  return createHmac('sha256', secret).update(key).digest('hex');
}

function trustedSecret(path: string): Buffer | undefined {
  try {
    const stats = lstatSync(path);
    if (!stats.isFile() || !isOwnedByUs(stats) || (stats.mode & 0o077) !== 0 || stats.size !== SECRET_BYTES) return undefined;
    const secret = readFileSync(path);
    return secret.length === SECRET_BYTES ? secret : undefined;
  } catch {
    return undefined;
  }
}
