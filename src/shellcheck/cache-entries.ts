import { MAX_AGE_DAYS, type CacheLimits } from '../cache/entries.js';
import type { ShellCheckComment } from './runner.js';

/**
 * The version of the cache: part of every key and of the file names, so that a new format ignores the files of an
 * old one (and compaction removes them). Bumped whenever what is stored, or how a script is handed to ShellCheck,
 * changes.
 */
export const CACHE_FORMAT = 2;

/** At most 50,000 entries (about 200 bytes each); beyond it the least recently used go. */
export const SHELLCHECK_CACHE_LIMITS: CacheLimits = { maxAgeDays: MAX_AGE_DAYS, maxEntries: 50_000 };

/** The comments of an entry, or undefined when its text is not what ShellCheck gave (the entry is then a miss). */
export function parseComments(text: string): ShellCheckComment[] | undefined {
  let comments: unknown;
  try {
    comments = JSON.parse(text);
  } catch {
    return undefined;
  }
  return Array.isArray(comments) && comments.every(isComment) ? (comments as ShellCheckComment[]) : undefined;
}

function isComment(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const comment = value as Record<string, unknown>;
  return (
    ['line', 'column', 'endLine', 'endColumn', 'code'].every((field) => Number.isInteger(comment[field])) &&
    typeof comment.level === 'string' &&
    typeof comment.message === 'string' &&
    (comment.fix === null || (typeof comment.fix === 'object' && Array.isArray((comment.fix as { replacements?: unknown }).replacements)))
  );
}
