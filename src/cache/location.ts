import { lstatSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath, isOutside } from '../files/discover.js';

/** The folders fim-lint keeps in a cache location: whole files' results, the stat memo, ShellCheck's results. */
const CACHE_FOLDERS = ['files', 'stats', 'shellcheck'];

/** What keeps fim-lint from keeping its cache at a location: a symbolic link on the way, or a file where a folder goes. */
export interface CacheObstacle {
  /** As shown to the user. */
  path: string;
  kind: 'link' | 'file';
}

/**
 * The first obstacle to writing the cache at `location`, or undefined when there is none. A symbolic link: a folder
 * between the working directory and the location (a repository can hold a link named `.fim-lint-cache`), the location
 * itself unless the command line named it (`--cache-location` is the user's choice, as a path to lint is), and the
 * folders fim-lint keeps in it. A file: any of these, the named location too (a repository can hold a file named
 * `.fim-lint-cache`).
 */
export function cacheLocationObstacle(location: string, cwd: string, named: boolean): CacheObstacle | undefined {
  const absolute = resolve(cwd, location);
  const inside = relative(cwd, absolute);
  const above = isOutside(inside) || inside === '' ? [] : inside.split(sep).slice(0, -1).map((_, index, steps) => join(cwd, ...steps.slice(0, index + 1)));
  for (const candidate of [...above, absolute, ...CACHE_FOLDERS.map((folder) => join(absolute, folder))]) {
    const kind = obstacleKind(candidate, named && candidate === absolute);
    if (kind) return { path: displayPath(candidate, cwd), kind };
  }
  return undefined;
}

function obstacleKind(path: string, linkAllowed: boolean): CacheObstacle['kind'] | undefined {
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return linkAllowed ? (statSync(path).isDirectory() ? undefined : 'file') : 'link';
    return stats.isDirectory() ? undefined : 'file';
  } catch {
    return undefined;
  }
}

/** What a run says when it keeps no cache because of such an obstacle. */
export function unusableCacheNotice(location: string, obstacle: CacheObstacle, cwd: string): string {
  const why = obstacle.kind === 'link' ? 'is a symbolic link, and fim-lint never writes through a link' : 'is a file, where fim-lint keeps a folder';
  return `the cache folder ${displayPath(resolve(cwd, location), cwd)} is not used: ${obstacle.path} ${why}`;
}
