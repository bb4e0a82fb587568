import { isScalar, type Scalar } from 'yaml';
import { ALIAS_NOTE } from './aliases.js';
import type { Recipe, Span } from './recipe.js';
import { perRecipe } from './per-recipe.js';

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
   * True when every script offset has its own file offset: always for literal `|` blocks; for plain, quoted and
   * folded scalars every character but the whitespace that folding and escapes produce. Otherwise positions inside
   * the script fall back to the start of the value.
   */
  exact: boolean;
  /** The file offset of a script offset. */
  toFileOffset(scriptOffset: number): number;
  /** The file span of a script span. */
  toFileSpan(start: number, end: number): Span;
}

const FIELDS: ScriptField[] = ['run', 'pkgver'];

/** The recipe's scripts, worked out once per recipe however many rules ask. */
export const embeddedScripts = perRecipe(function embeddedScripts(recipe: Recipe): readonly EmbeddedScript[] {
  const shellValue = recipe.node(['x_exec', 'shell']);
  const shell = isScalar(shellValue) && typeof shellValue.value === 'string' ? shellValue.value.toLowerCase() : undefined;
  const scripts: EmbeddedScript[] = [];
  for (const field of FIELDS) {
    const value = recipe.node(['x_exec', field]);
    // A script reached through an alias is the anchored text: positions are inside it, and messages say which alias uses it.
    const node = value && recipe.aliases.original(value);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
    const use = recipe.aliases.use(value);
    const note = use ? recipe.aliases.usedThroughNote(`x_exec.${field}`, use.alias, (offset) => recipe.position(offset).line) : undefined;
    scripts.push(makeScript(recipe, field, node as Scalar & { value: string }, shell, note));
  }
  return scripts;
});

function makeScript(recipe: Recipe, field: ScriptField, node: Scalar & { value: string }, shell: string | undefined, aliasNote: string | undefined): EmbeddedScript {
  const text = node.value;
  const valueStart = node.range![0];
  const mapper = scalarOffsets(recipe, node);
  const toFileOffset = mapper ?? (() => valueStart);
  const exact = mapper !== undefined;
  const tagged = (span: Span): Span => (aliasNote === undefined ? span : Object.assign(span, { [ALIAS_NOTE]: aliasNote }));
  return {
    field,
    text,
    node,
    shell,
    exact,
    toFileOffset,
    toFileSpan: (start, end) => {
      const fileStart = toFileOffset(start);
      return tagged({ start: fileStart, end: Math.max(fileStart, exact ? toFileOffset(end) : node.range![1]) });
    },
  };
}

/** A value-offset to file-offset map of a string scalar, when its style keeps every character in place. */
export function scalarOffsets(recipe: Recipe, node: Scalar & { value: string }): ((offset: number) => number) | undefined {
  const [start, end] = node.range!;
  if (node.type === 'PLAIN' && !recipe.text.slice(start, end).includes('\n')) {
    return (offset) => start + Math.min(offset, end - start);
  }
  if (node.type !== 'BLOCK_LITERAL') return foldedMapper(recipe, node);
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
  // The map outlives the recipe (ShellCheck's findings are placed after it is let go): it keeps only the length.
  const textLength = recipe.text.length;

  return (offset) => {
    let line = 0;
    while (line + 1 < valueLineStarts.length && valueLineStarts[line + 1]! <= offset) line++;
    const fileLine = Math.min(line, lineOffsets.length - 1);
    return Math.min(lineOffsets[fileLine]! + lineIndents[fileLine]! + (offset - valueLineStarts[line]!), textLength);
  };
}

/** What a message adds when a position inside the script could not be mapped exactly. */
export function approximateNote(script: EmbeddedScript): string {
  return script.exact ? '' : ` (reported at the start of x_exec.${script.field}: positions inside this scalar cannot be mapped exactly; a literal block \`|\` keeps them exact)`;
}

const WHITESPACE = /[ \t\r\n]/;

/**
 * A map for scalars whose value is not the source text line for line (quoted, folded, multi-line plain). Folding
 * and escapes only ever turn source text into whitespace or drop it, or turn one escape into one character; so every
 * non-whitespace character of the value is a source character (or escape) in order. The map is built from that
 * alignment and used only when it accounts for the whole value; whitespace maps to the distance after the character
 * before it.
 */
function foldedMapper(recipe: Recipe, node: Scalar & { value: string }): ((offset: number) => number) | undefined {
  const source = scalarSource(recipe, node);
  if (!source) return undefined;
  const value = node.value;
  const fileOffsets = new Int32Array(value.length + 1);
  let sourceIndex = 0;
  let previousIndex = -1;
  let previousOffset = source.startOffset - 1;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (WHITESPACE.test(char)) {
      fileOffsets[index] = Math.min(previousOffset + (index - previousIndex), source.endOffset);
      continue;
    }
    while (sourceIndex < source.chars.length && WHITESPACE.test(source.chars[sourceIndex]!.char)) sourceIndex++;
    const next = source.chars[sourceIndex++];
    if (!next || next.char !== char) return undefined;
    fileOffsets[index] = previousOffset = next.offset;
    previousIndex = index;
  }
  if (source.chars.slice(sourceIndex).some((entry) => !WHITESPACE.test(entry.char))) return undefined;
  fileOffsets[value.length] = Math.min(previousOffset + (value.length - previousIndex), source.endOffset);
  return (offset) => fileOffsets[Math.max(0, Math.min(offset, value.length))]!;
}

interface SourceChars {
  /** Each character of the decoded source with the file offset it comes from. */
  chars: { char: string; offset: number }[];
  startOffset: number;
  endOffset: number;
}

function scalarSource(recipe: Recipe, node: Scalar & { value: string }): SourceChars | undefined {
  const [start, end] = node.range!;
  const raw = (from: number, to: number): SourceChars => {
    const chars: { char: string; offset: number }[] = [];
    for (let offset = from; offset < to; offset++) chars.push({ char: recipe.text[offset]!, offset });
    return { chars, startOffset: from, endOffset: to };
  };
  switch (node.type) {
    case 'PLAIN':
      return raw(start, end);
    case 'QUOTE_SINGLE':
      return { chars: decodeSingleQuoted(recipe.text, start + 1, end - 1), startOffset: start + 1, endOffset: end - 1 };
    case 'QUOTE_DOUBLE':
      return { chars: decodeDoubleQuoted(recipe.text, start + 1, end - 1), startOffset: start + 1, endOffset: end - 1 };
    case 'BLOCK_FOLDED': {
      const token = node.srcToken;
      if (!token || token.type !== 'block-scalar') return undefined;
      const header = (token.props as { type: string; offset: number; source: string }[]).find((prop) => prop.type === 'newline');
      if (!header) return undefined;
      const bodyStart = header.offset + header.source.length;
      return raw(bodyStart, bodyStart + token.source.length);
    }
    default:
      return undefined;
  }
}

function decodeSingleQuoted(text: string, from: number, to: number): { char: string; offset: number }[] {
  const chars: { char: string; offset: number }[] = [];
  for (let offset = from; offset < to; offset++) {
    chars.push({ char: text[offset]!, offset });
    if (text[offset] === "'" && text[offset + 1] === "'") offset++;
  }
  return chars;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function decodeDoubleQuoted(text: string, from: number, to: number): { char: string; offset: number }[] {
  const chars: { char: string; offset: number }[] = [];
  for (let offset = from; offset < to; offset++) {
    const char = text[offset]!;
    if (char !== '\\') {
      chars.push({ char, offset });
      continue;
    }
    const escape = text[offset + 1] ?? '';
    if (escape === '\n' || escape === '\r') {
      // An escaped line break joins the lines: nothing of it reaches the value.
      offset += escape === '\r' && text[offset + 2] === '\n' ? 2 : 1;
      continue;
    }
    const digits = HEX_ESCAPES[escape];
    const decoded = digits ? String.fromCodePoint(Number.parseInt(text.slice(offset + 2, offset + 2 + digits), 16) || 0) : SIMPLE_ESCAPES[escape];
    if (decoded === undefined) return [];
    // An escape for a code point outside the BMP decodes to two UTF-16 units: both come from the escape.
    for (const unit of decoded.split('')) chars.push({ char: unit, offset });
    offset += 1 + (digits ?? 0);
  }
  return chars;
}
