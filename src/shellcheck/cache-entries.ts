import type { ShellCheckComment } from './runner.js';

/**
 * The version of the cache: part of every key and of the file names, so that a new format ignores the files of an
 * old one (and compaction removes them). Bumped whenever what is stored, or how a script is handed to ShellCheck,
 * changes.
 */
export const CACHE_FORMAT = 2;

/** Entries not used for this many days are dropped when the cache file is rewritten. */
export const MAX_AGE_DAYS = 30;
/** An entry's day of use is refreshed on disk only when it is older than this, so a daily run rewrites nothing. */
export const REFRESH_AFTER_DAYS = 7;
/** The most entries kept (about 200 bytes each); beyond it the least recently used go. */
export const MAX_ENTRIES = 50_000;

/** One cached result: the day it was last used, and ShellCheck's comments as JSON text, parsed on a hit. */
export interface CacheEntry {
  used: number;
  comments: string;
}

export type CacheEntries = Map<string, CacheEntry>;

/** Days since 1970: entries are aged in whole days. */
export function dayNumber(now = Date.now()): number {
  return Math.floor(now / 86_400_000);
}

/** A line of a cache file: `<sha-256 key> <day> <comments JSON>` (JSON text never holds a line break). */
export function formatEntry(key: string, entry: CacheEntry): string {
  return `${key} ${entry.used} ${entry.comments}\n`;
}

const ENTRY_LINE = /^([0-9a-f]{64}) (\d{1,9}) (\[.*\])$/;

/**
 * Adds the entries of a cache file's text. A line that is not an entry (a torn write, a damaged file) is skipped and
 * counted; of two entries for one key, the one used last wins.
 */
export function readEntries(text: string, into: CacheEntries): { skipped: number } {
  let skipped = 0;
  for (const line of text.split('\n')) {
    const match = ENTRY_LINE.exec(line);
    if (!match) {
      if (line !== '') skipped++;
      continue;
    }
    const [, key, used, comments] = match as unknown as [string, string, string, string];
    const known = into.get(key);
    if (!known || known.used <= Number(used)) into.set(key, { used: Number(used), comments });
  }
  return { skipped };
}

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

/**
 * The entries worth writing back: valid ones used within `MAX_AGE_DAYS`, at most `MAX_ENTRIES` of them, the most
 * recently used first.
 */
export function keptEntries(entries: CacheEntries, today: number, limits = { maxAgeDays: MAX_AGE_DAYS, maxEntries: MAX_ENTRIES }): [string, CacheEntry][] {
  const kept = [...entries].filter(([, entry]) => entry.used >= today - limits.maxAgeDays && parseComments(entry.comments) !== undefined);
  kept.sort(([, a], [, b]) => b.used - a.used);
  return kept.slice(0, limits.maxEntries);
}
