import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { isOwnedByUs } from '../files/owner.js';

const SECRET_BYTES = 32;
export const SECRET_FILE = 'shellcheck.key';

/**
 * The secret that signs the keys of a cache: the cache's own, in `<location>/shellcheck.key`, mixed with this user's,
 * which no repository can hold (see `userSecret`). The cache's own is trusted only when it is a regular file of this
 * user that nobody else may read (mode 0600): git checks files out readable by all, so a secret committed to a
 * repository is replaced, while a cache restored by its owner (actions/cache keeps modes) keeps its own. Under a umask
 * of 077 a checkout makes even a committed secret 0600: the user's secret is what its author cannot know. A new secret
 * of either kind makes every entry written before it unreachable.
 */
export function cacheSecret(location: string): Buffer {
  return createHmac('sha256', userSecret()).update(ownSecret(join(location, SECRET_FILE))).digest();
}

/** Where this user's secret is kept: with the user's caches, outside every repository. */
export function userSecretPath(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const cacheHome = environment.XDG_CACHE_HOME && isAbsolute(environment.XDG_CACHE_HOME) ? environment.XDG_CACHE_HOME : homeCache();
  return cacheHome === undefined ? undefined : join(cacheHome, 'fim-lint', USER_SECRET_FILE);
}

const USER_SECRET_FILE = 'user.key';

function homeCache(): string | undefined {
  try {
    const home = homedir();
    return home === '' ? undefined : join(home, '.cache');
  } catch {
    return undefined;
  }
}

let user: Buffer | undefined;

/** This user's secret, read or made once per process; without a home to keep it in, one for this process only. */
function userSecret(): Buffer {
  if (user === undefined) {
    const path = userSecretPath();
    user = path === undefined ? randomBytes(SECRET_BYTES) : ownSecret(path);
  }
  return user;
}

/** The secret in the file at `path`, made there when it is missing or not trusted. */
function ownSecret(path: string): Buffer {
  const existing = trustedSecret(path);
  if (existing) return existing;
  const secret = randomBytes(SECRET_BYTES);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
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
