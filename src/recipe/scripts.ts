import { isScalar, type Scalar } from 'yaml';
import type { Recipe, Span } from './recipe.js';

export type ScriptField = 'run' | 'pkgver';

/** A shell script embedded in the recipe (`x_exec.run`, `x_exec.pkgver`) with a map back to file offsets. */
export interface EmbeddedScript {
  field: ScriptField;
  /** The script as the shell receives it. */
  text: string;
  node: Scalar;
  /** The `x_exec.shell` value, lowercased, when it is a string. */
  shell: string | undefined;
  /**
   * True when every script offset has its own file offset (literal `|` blocks and single-line plain scalars).
   * Otherwise positions inside the script fall back to the start of the value.
   */
  exact: boolean;
  /** The file offset of a script offset. */
  toFileOffset(scriptOffset: number): number;
  /** The file span of a script span. */
  toFileSpan(start: number, end: number): Span;
}

const FIELDS: ScriptField[] = ['run', 'pkgver'];

export function embeddedScripts(recipe: Recipe): EmbeddedScript[] {
  const shellValue = recipe.node(['x_exec', 'shell']);
  const shell = isScalar(shellValue) && typeof shellValue.value === 'string' ? shellValue.value.toLowerCase() : undefined;
  const scripts: EmbeddedScript[] = [];
  for (const field of FIELDS) {
    const node = recipe.node(['x_exec', field]);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
    scripts.push(makeScript(recipe, field, node as Scalar & { value: string }, shell));
  }
  return scripts;
}

function makeScript(recipe: Recipe, field: ScriptField, node: Scalar & { value: string }, shell: string | undefined): EmbeddedScript {
  const text = node.value;
  const valueStart = node.range![0];
  const toFileOffset = offsetMapper(recipe, node) ?? (() => valueStart);
  const exact = offsetMapper(recipe, node) !== undefined;
  return {
    field,
    text,
    node,
    shell,
    exact,
    toFileOffset,
    toFileSpan: (start, end) => {
      const fileStart = toFileOffset(start);
      return { start: fileStart, end: Math.max(fileStart, exact ? toFileOffset(end) : node.range![1]) };
    },
  };
}

/** A script-offset to file-offset map, when the scalar's style keeps every character in place. */
function offsetMapper(recipe: Recipe, node: Scalar & { value: string }): ((offset: number) => number) | undefined {
  const [start, end] = node.range!;
  if (node.type === 'PLAIN' && !recipe.text.slice(start, end).includes('\n')) {
    return (offset) => start + Math.min(offset, end - start);
  }
  if (node.type !== 'BLOCK_LITERAL') return undefined;
  const token = node.srcToken;
  if (!token || token.type !== 'block-scalar') return undefined;
  const props = token.props as { type: string; offset: number; source: string }[];
  const header = props.find((prop) => prop.type === 'newline');
  if (!header) return undefined;
  const bodyStart = header.offset + header.source.length;

  // Line i of the value is line i of the body without its indentation, so the indentation of each line is the
  // difference in length (this holds for every indentation indicator and chomping mode).
  const valueLines = node.value.split('\n');
  const lineOffsets: number[] = [];
  const lineIndents: number[] = [];
  let rawOffset = bodyStart;
  for (const rawLine of token.source.split('\n')) {
    const content = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const valueLine = valueLines[lineOffsets.length] ?? '';
    lineOffsets.push(rawOffset);
    lineIndents.push(Math.max(0, content.length - valueLine.length));
    rawOffset += rawLine.length + 1;
  }
  const valueLineStarts = [0];
  for (const line of valueLines.slice(0, -1)) valueLineStarts.push(valueLineStarts[valueLineStarts.length - 1]! + line.length + 1);

  return (offset) => {
    let line = 0;
    while (line + 1 < valueLineStarts.length && valueLineStarts[line + 1]! <= offset) line++;
    const fileLine = Math.min(line, lineOffsets.length - 1);
    return Math.min(lineOffsets[fileLine]! + lineIndents[fileLine]! + (offset - valueLineStarts[line]!), recipe.text.length);
  };
}
