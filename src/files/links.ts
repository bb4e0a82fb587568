import { lstat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath, isOutside } from './discover.js';

/**
 * The first symbolic link on the way from the command-line path that found `path` down to `path` itself (the file
 * included), or undefined when there is none. A walk follows links to lint what they point to, but fim-lint writes
 * only inside the tree it was given: a file reached through a link, or named as a link, may lie anywhere.
 * The command-line paths themselves are the user's choice and are not checked.
 */
export async function linkOnTheWay(path: string, roots: readonly string[], cwd = process.cwd()): Promise<string | undefined> {
  const absolute = resolve(cwd, path);
  let steps: string[] | undefined;
  let start = absolute;
  for (const root of roots) {
    const base = resolve(cwd, root);
    const inside = relative(base, absolute);
    if (isOutside(inside)) continue;
    const candidate = inside === '' ? [] : inside.split(sep);
    if (steps === undefined || candidate.length < steps.length) {
      steps = candidate;
      start = base;
    }
  }
  // A path found under no root was named as it is: only the file itself is checked.
  if (steps === undefined || steps.length === 0) return (await isLink(absolute)) ? path : undefined;
  let current = start;
  for (const step of steps) {
    current = join(current, step);
    if (await isLink(current)) return current === absolute ? path : displayPath(current, cwd);
  }
  return undefined;
}

async function isLink(path: string): Promise<boolean> {
  return lstat(path).then((info) => info.isSymbolicLink(), () => false);
}
