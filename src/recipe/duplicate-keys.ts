import { isAlias, isMap, isPair, isScalar, isSeq, YAMLParseError, type Alias, type Document, type Node } from 'yaml';
import { appendAll } from '../core/append.js';

/**
 * Adds the `DUPLICATE_KEY` errors that `yaml` would report with `uniqueKeys: true`, the same keys at the same
 * offsets. `yaml` compares each new key with every earlier key of its map, so a map of 100,000 keys takes minutes;
 * this finds the same duplicates in one pass, without recursion (documents may nest deeply).
 */
const firstKeys = new WeakMap<YAMLParseError, { start: number; end: number }>();
const topLevel = new WeakSet<YAMLParseError>();

/** The first of the keys a `DUPLICATE_KEY` error repeats, when this module added the error. */
export function firstKeyOf(error: YAMLParseError): { start: number; end: number } | undefined {
  return firstKeys.get(error);
}

/** Whether a `DUPLICATE_KEY` error this module added repeats a key of the document's root mapping. */
export function repeatsTopLevelKey(error: YAMLParseError): boolean {
  return topLevel.has(error);
}

export function addDuplicateKeyErrors(document: Document.Parsed, aliasTarget: (alias: Alias) => Node | undefined): void {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Map<unknown, Node>();
      for (const pair of node.items) {
        // An alias key is the key it stands for: the data holds it under that name.
        const key = isAlias(pair.key) ? aliasTarget(pair.key) : pair.key;
        // yaml compares scalar keys by value with `===` (so NaN never repeats) and other keys by identity.
        if (isScalar(key) && !Number.isNaN(key.value)) {
          const first = seen.get(key.value);
          if (first) {
            const start = (pair.key as Node).range?.[0] ?? 0;
            const error = new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
            const [firstStart, firstEnd] = first.range ?? [0, 0];
            firstKeys.set(error, { start: firstStart, end: firstEnd });
            if (node === document.contents) topLevel.add(error);
            document.errors.push(error);
          } else {
            seen.set(key.value, pair.key as Node);
          }
        }
        pending.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      appendAll(pending, node.items);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
}
