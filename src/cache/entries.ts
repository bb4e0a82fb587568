/** Entries not used for this many days are dropped when a cache file is rewritten. */
export const MAX_AGE_DAYS = 30;
/** An entry's day of use is refreshed on disk only when it is older than this, so a daily run rewrites nothing. */
export const REFRESH_AFTER_DAYS = 7;

/** One cached result: the day it was last used, and the result as JSON text, parsed on a hit. */
export interface CacheEntry {
  used: number;
  data: string;
}

export type CacheEntries = Map<string, CacheEntry>;

/** What a cache keeps, and how many of its entries. */
export interface CacheLimits {
  maxAgeDays: number;
  maxEntries: number;
}

export const DAY_MS = 86_400_000;

/** Days since 1970: entries are aged in whole days. */
export function dayNumber(now = Date.now()): number {
  return Math.floor(now / DAY_MS);
}

/**
 * A line of a cache file: `<sha-256 key> <day> <JSON>` (JSON text never holds a line break). Characters beyond ASCII
 * are written as `\u` escapes: one en dash in a message would otherwise make the whole file a two-byte string once
 * read, slower to decode, search and parse.
 */
export function formatEntry(key: string, entry: CacheEntry): string {
  return `${key} ${entry.used} ${entry.data.replace(NOT_ASCII, escapeCodeUnit)}\n`;
}

const NOT_ASCII = /[\u0080-\uffff]/g;

function escapeCodeUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const ENTRY_LINE = /^([0-9a-f]{64}) (\d{1,9}) ([[{].*[\]}])$/;

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
    const [, key, used, data] = match as unknown as [string, string, string, string];
    const known = into.get(key);
    if (!known || known.used <= Number(used)) into.set(key, { used: Number(used), data });
  }
  return { skipped };
}

/**
 * The data of a key's entry, parsed, or undefined when there is none or it is not well-formed (it is then dropped, so
 * that the result is stored anew). `refresh` gets the entry's line when its day of use is due to be written again.
 */
export function useEntry<T>(entries: CacheEntries, key: string, parse: (data: string) => T | undefined, refresh: (line: string) => void): T | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  const parsed = parse(entry.data);
  if (parsed === undefined) {
    entries.delete(key);
    return undefined;
  }
  const today = dayNumber();
  if (entry.used < today - REFRESH_AFTER_DAYS) {
    entry.used = today;
    refresh(formatEntry(key, entry));
  }
  return parsed;
}

/**
 * The entries worth writing back: valid ones used within `maxAgeDays`, at most `maxEntries` of them, the most
 * recently used first.
 */
export function keptEntries(entries: CacheEntries, today: number, limits: CacheLimits, isValid: (data: string) => boolean): [string, CacheEntry][] {
  const kept = [...entries].filter(([, entry]) => entry.used >= today - limits.maxAgeDays && isValid(entry.data));
  kept.sort(([, a], [, b]) => b.used - a.used);
  return kept.slice(0, limits.maxEntries);
}
