import { isScalar, type Node } from 'yaml';
import type { Edit } from '../core/diagnostic.js';

/** An edit that replaces a scalar's text and keeps its quotes, if it has any; `text` must need no escaping in either style. */
export function replaceScalarText(node: Node | null | undefined, text: string): Edit | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted) return { start: start + 1, end: end - 1, text };
  if (node.type === 'PLAIN') return { start, end, text };
  return undefined;
}
