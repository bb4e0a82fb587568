import { indentOf, isBlank, type Line } from '../text/lines.js';

/** A `key: |` line: the header of a block scalar (a script, most of the time). */
export interface BlockHeader {
  line: Line;
  key: string;
  /** `|`, `|-`, `>+`, … as written. */
  indicator: string;
  /** Offset of the indicator: where the parser's block scalar node starts. */
  indicatorOffset: number;
  /** Column (0-based) of the key: the block's lines must be indented further. */
  keyIndent: number;
  /** Indentation the block's lines must keep, when an indentation indicator sets it. */
  explicitIndent: number | undefined;
}

/** A block scalar as the lines lay it out: the header, its lines, and the first line left of them (if any). */
export interface BlockLayout {
  header: BlockHeader;
  /** Indentation of the block's lines (0-based column), undefined when the block has no line. */
  indent: number | undefined;
  /** Index of the last line of the block's content (the header's line for an empty block). */
  lastLine: number;
  /** The first non-blank line after the block that is left of its indentation. */
  end: Line | undefined;
}

/** A key as recipes write them: a name, or a quoted string. Shell lines that YAML would also read as keys do not match. */
const KEY = String.raw`(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z_][\w.-]*)`;
const HEADER = new RegExp(String.raw`^( *)((?:- +)*)(${KEY}) *: +([|>](?:[1-9][-+]?|[-+][1-9]?)?)(?: +#.*)?\s*$`);
const KEY_LINE = new RegExp(String.raw`^( *)((?:- +)*)(${KEY}) *:(?: |$)`);

export function blockHeader(line: Line): BlockHeader | undefined {
  const match = HEADER.exec(line.text);
  if (!match) return undefined;
  const [, spaces, dashes, key, indicator] = match;
  const keyIndent = spaces!.length + dashes!.length;
  const digit = /[1-9]/.exec(indicator!)?.[0];
  return {
    line,
    key: key!,
    indicator: indicator!,
    indicatorOffset: line.start + line.text.lastIndexOf(indicator!, line.text.search(/ +#|\s*$/)),
    keyIndent,
    explicitIndent: digit ? keyIndent + Number(digit) : undefined,
  };
}

/** A `key:` line (a mapping entry, possibly after `- `) with its key and the column where the key starts. */
export function keyLine(line: Line): { key: string; keyIndent: number; valueStart: number } | undefined {
  const match = KEY_LINE.exec(line.text);
  if (!match) return undefined;
  const value = match[0].length + (line.text.slice(match[0].length).length - line.text.slice(match[0].length).trimStart().length);
  return { key: match[3]!, keyIndent: match[1]!.length + match[2]!.length, valueStart: value };
}

/**
 * Walks the lines as an author laid them out and returns every block scalar: where its lines are indented and the
 * first line that is left of them. Lines inside a block are never read as headers.
 */
export function blockLayouts(lines: readonly Line[], from: number, to: number): BlockLayout[] {
  const layouts: BlockLayout[] = [];
  let index = from;
  while (index < to) {
    const header = blockHeader(lines[index]!);
    index++;
    if (!header) continue;
    let indent = header.explicitIndent;
    let lastLine = header.line.index;
    let end: Line | undefined;
    for (; index < to; index++) {
      const line = lines[index]!;
      if (isBlank(line.text)) continue;
      const spaces = indentOf(line.text);
      if (indent === undefined && spaces > header.keyIndent && line.text[spaces] !== '\t') indent = spaces;
      if (indent === undefined || spaces < indent) {
        end = line;
        break;
      }
      lastLine = index;
    }
    layouts.push({ header, indent, lastLine, end });
  }
  return layouts;
}

/** Indexes of the lines inside block scalars (their content, not the header). */
export function blockContentLines(layouts: readonly BlockLayout[]): Set<number> {
  const inside = new Set<number>();
  for (const layout of layouts) for (let index = layout.header.line.index + 1; index <= layout.lastLine; index++) inside.add(index);
  return inside;
}
