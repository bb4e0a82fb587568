import { isScalar, type YAMLMap } from 'yaml';

/**
 * Sorts the pairs of a block mapping whose keys have a rank (stably; pairs without one keep their places) by moving
 * whole lines: each pair takes along the comment lines at its own indentation right above it, and everything below
 * it up to the next pair (its value, deeper comments, blank lines). Comments above the first pair stay where they are.
 * Returns undefined when the mapping is not laid out one key per line (flow style, explicit `?` keys, a key after
 * other text on its line).
 */
export function reorderBlockMap(text: string, map: YAMLMap, rank: (key: string) => number | undefined): string | undefined {
  if ((map.srcToken as { type?: string } | undefined)?.type !== 'block-map') return undefined;
  const pairs: { key: string; lineStart: number; valueEnd: number }[] = [];
  let indent: number | undefined;
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) return undefined;
    const keyStart = key.range[0];
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    if (!/^ *$/.test(text.slice(lineStart, keyStart))) return undefined;
    indent ??= keyStart - lineStart;
    if (keyStart - lineStart !== indent) return undefined;
    const value = pair.value as { range?: [number, number, number] } | null;
    pairs.push({ key: String(key.value), lineStart, valueEnd: Math.max(value?.range?.[1] ?? 0, key.range[1]) });
  }
  if (pairs.length < 2 || indent === undefined) return text;

  const starts = pairs.map((pair, index) => (index === 0 ? pair.lineStart : chunkStart(text, pair.lineStart, pairs[index - 1]!.valueEnd, indent!)));
  const regionEnd = endOfLine(text, pairs[pairs.length - 1]!.valueEnd);
  const chunks = pairs.map((pair, index) => ({ rank: rank(pair.key), text: text.slice(starts[index], starts[index + 1] ?? regionEnd) }));
  const ranked = chunks.filter((chunk) => chunk.rank !== undefined).sort((a, b) => a.rank! - b.rank!);
  const sorted = chunks.map((chunk) => (chunk.rank === undefined ? chunk : ranked.shift()!));
  if (sorted.every((chunk, index) => chunk === chunks[index])) return text;

  const last = chunks[chunks.length - 1]!;
  const unterminated = !last.text.endsWith('\n');
  if (unterminated) last.text += text.includes('\r\n') ? '\r\n' : '\n';
  let body = sorted.map((chunk) => chunk.text).join('');
  if (unterminated) body = body.replace(/\r?\n$/, '');
  return text.slice(0, starts[0]) + body + text.slice(regionEnd);
}

/** The start of a pair's chunk: the first of the comment lines (at the pair's indentation) just above its key line. */
function chunkStart(text: string, keyLineStart: number, previousValueEnd: number, indent: number): number {
  let start = keyLineStart;
  let cursor = keyLineStart;
  while (cursor > 0) {
    const lineStart = cursor >= 2 ? text.lastIndexOf('\n', cursor - 2) + 1 : 0;
    if (lineStart < previousValueEnd) break;
    const line = text.slice(lineStart, cursor).replace(/\r?\n$/, '');
    if (/^[ \t]*$/.test(line)) {
      cursor = lineStart;
    } else if (line.length > indent && line[indent] === '#' && /^ *$/.test(line.slice(0, indent))) {
      cursor = lineStart;
      start = lineStart;
    } else {
      break;
    }
  }
  return start;
}

/** The offset just after the line break that ends the line holding `offset` (or `offset` if a line starts there). */
function endOfLine(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
