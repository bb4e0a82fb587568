import { lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath, isOutside } from '../files/discover.js';

/** The folders fim-lint keeps in a cache location: whole files' results, the stat memo, ShellCheck's results. */
const CACHE_FOLDERS = ['files', 'stats', 'shellcheck'];

/**
 * The first symbolic link that writing the cache at `location` would go through, as shown to the user, or undefined
 * when there is none: a folder between the working directory and the location (a repository can hold a link named
 * `.fim-lint-cache`), the location itself unless the command line named it (`--cache-location` is the user's choice,
 * as a path to lint is), and the folders fim-lint keeps in it.
 */
export function linkInCacheLocation(location: string, cwd: string, named: boolean): string | undefined {
  const absolute = resolve(cwd, location);
  const inside = relative(cwd, absolute);
  const above = isOutside(inside) || inside === '' ? [] : inside.split(sep).slice(0, -1).map((_, index, steps) => join(cwd, ...steps.slice(0, index + 1)));
  const candidates = [...above, ...(named ? [] : [absolute]), ...CACHE_FOLDERS.map((folder) => join(absolute, folder))];
  const link = candidates.find(isLink);
  return link === undefined ? undefined : displayPath(link, cwd);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a run says when it keeps no cache because of such a link. */
export function linkedCacheNotice(location: string, link: string, cwd: string): string {
  return `the cache folder ${displayPath(resolve(cwd, location), cwd)} is not used: ${link} is a symbolic link, and fim-lint never writes through a link`;
}
