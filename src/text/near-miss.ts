import { orList } from './or-list.js';

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  return editDistanceUpTo(a, b, Number.MAX_SAFE_INTEGER);
}

/** Rows reused from call to call: a recipe with many unknown keys compares each with every known one. */
let rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * The distance of `editDistance`, or any number above `max` as soon as two rows in a row are all above it (a swap
 * looks two rows back, so one row alone does not decide).
 */
export function editDistanceUpTo(a: string, b: string, max: number): number {
  const columns = b.length + 1;
  if (rows[0]!.length < columns) rows = [new Int32Array(columns), new Int32Array(columns), new Int32Array(columns)];
  let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < columns; j++) previous[j] = j;
  let previousMinimum = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let minimum = i;
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
      if (best < minimum) minimum = best;
    }
    if (minimum > max && previousMinimum > max) return max + 1;
    previousMinimum = minimum;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

const MAX_WORD = 64;

/**
 * The candidates closest to a misspelt word, compared case-insensitively: at most one edit for short words, two for
 * longer ones, and edits to at most a third of the longer of the two words. Empty when nothing is close.
 */
export function nearMisses(word: string, candidates: Iterable<string>): string[] {
  // Nothing long is a typo of a short name, and the distance costs length × length.
  if (word.length > MAX_WORD) return [];
  const lower = word.toLowerCase();
  let best = lower.length <= 4 ? 1 : 2;
  let found: string[] = [];
  for (const candidate of candidates) {
    // The distance is at least the difference in length, and at least the characters one has and the other lacks.
    if (Math.abs(candidate.length - lower.length) > best) continue;
    const lowerCandidate = lowercase(candidate);
    if (bagDistance(lower, lowerCandidate) > best) continue;
    const distance = editDistanceUpTo(lower, lowerCandidate, best);
    // One edit leaves `t9` and `TV` a letter in common, which is no resemblance; `pk` and `pkg` share two.
    if (distance > best || distance * 3 > Math.max(lower.length, lowerCandidate.length)) continue;
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best && !found.includes(candidate)) {
      found.push(candidate);
    }
  }
  return found;
}

/** Lowercase forms of the candidates, which are few (the keys of the schema) and compared with every unknown key. */
const lowercased = new Map<string, string>();
function lowercase(word: string): string {
  let lower = lowercased.get(word);
  if (lower === undefined) {
    if (lowercased.size > 10_000) lowercased.clear();
    lowercased.set(word, (lower = word.toLowerCase()));
  }
  return lower;
}

const counts = new Int32Array(65_536);

/**
 * A lower bound of the edit distance: of the characters of one word that the other lacks (as multisets), the larger
 * count. An insertion, deletion or substitution changes each count by at most one, and a swap by none.
 */
export function bagDistance(a: string, b: string): number {
  for (let index = 0; index < a.length; index++) counts[a.charCodeAt(index)]!++;
  for (let index = 0; index < b.length; index++) counts[b.charCodeAt(index)]!--;
  let surplus = 0;
  let deficit = 0;
  for (let index = 0; index < a.length; index++) {
    const code = a.charCodeAt(index);
    if (counts[code]! > 0) surplus += counts[code]!;
    counts[code] = 0;
  }
  for (let index = 0; index < b.length; index++) {
    const code = b.charCodeAt(index);
    if (counts[code]! < 0) deficit -= counts[code]!;
    counts[code] = 0;
  }
  return Math.max(surplus, deficit);
}

/** The closest candidate, for a hint that names one (the first of `nearMisses`). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return nearMisses(word, candidates)[0];
}

/** `did you mean 'a'?` / `did you mean 'a' or 'b'?`, or nothing. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return `did you mean ${orList(suggestions.map((suggestion) => `'${suggestion}'`))}?`;
}
