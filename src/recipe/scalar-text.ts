import type { Scalar } from 'yaml';
import type { Recipe, Span } from './recipe.js';

/**
 * The span of a string scalar's characters without its quotes, when the source spells the value as it reads
 * (plain or quoted, no escapes, one line). Offsets inside the value are then offsets into the text, which is what
 * precise positions and fixes that keep the quoting style need.
 */
export function scalarContentSpan(recipe: Recipe, node: Scalar): Span | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (!quoted && node.type !== 'PLAIN') return undefined;
  const content = quoted ? { start: start + 1, end: end - 1 } : { start, end };
  return recipe.text.slice(content.start, content.end) === node.value ? content : undefined;
}
