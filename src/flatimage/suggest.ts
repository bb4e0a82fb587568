import { didYouMean as didYouMeanAny, nearMisses } from '../text/near-miss.js';

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return nearMisses(word, candidates)[0];
}

/** `; did you mean 'x'?` after a message, or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `; ${didYouMeanAny([suggestion])}` : '';
}
