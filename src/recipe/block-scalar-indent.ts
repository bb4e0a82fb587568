import { isScalar, visit } from 'yaml';
import type { Edit } from '../core/diagnostic.js';
import { indentOf, isBlank, type Line } from '../text/lines.js';
import { keyLine, type BlockLayout } from './yaml-layout.js';
import { parseAsBuilder } from './builder-yaml.js';

/** Lines that fell out of a block scalar because they start left of its indentation. */
export interface LeftLines {
  layout: BlockLayout;
  /** The first line left of the block. */
  first: Line;
  /** The last line that belongs to the block by the author's intent (before the next key of the recipe). */
  last: Line;
  /** Spaces to add to each line from `first` to `last`. */
  shift: number;
  /** True when the first line is indented with a tab. */
  tab: boolean;
  /** Inserts `shift` spaces at the start of each non-blank line, when the result parses and they become the block's lines. */
  fix: Edit[] | undefined;
}

/** Block indentation for a block with no line of its own: two spaces past its key, as recipes write it. */
const DEFAULT_STEP = 2;

/**
 * The block scalar whose lines fell out before `errorLine`: the last block that ends on a line left of its
 * indentation, with no line between that and the error that reads as a key of the recipe.
 */
export function findLeftLines(text: string, lines: readonly Line[], layouts: readonly BlockLayout[], errorLine: number, documentEnd: number): LeftLines | undefined {
  for (let i = layouts.length - 1; i >= 0; i--) {
    const layout = layouts[i]!;
    const first = layout.end;
    if (!first || first.index > errorLine) continue;
    if (isRecipeKey(first, layout.header.keyIndent)) return undefined;
    for (let index = first.index + 1; index <= errorLine; index++) if (isRecipeKey(lines[index]!, layout.header.keyIndent)) return undefined;
    const last = lastMovedLine(lines, first.index, layout.header.keyIndent, documentEnd);
    const indent = layout.indent ?? layout.header.keyIndent + DEFAULT_STEP;
    let least = Infinity;
    for (let index = first.index; index <= last.index; index++) {
      const line = lines[index]!;
      if (!isBlank(line.text)) least = Math.min(least, indentOf(line.text));
    }
    const shift = indent - least;
    const tab = /^ *\t/.test(first.text);
    const result: LeftLines = { layout, first, last, shift, tab, fix: undefined };
    if (!tab && shift > 0) result.fix = verifiedFix(text, lines, result);
    return result;
  }
  return undefined;
}

/** A key line at the block's key column or left of it: the recipe goes on there. */
function isRecipeKey(line: Line, keyIndent: number): boolean {
  const key = keyLine(line);
  return key !== undefined && key.keyIndent <= keyIndent && indentOf(line.text) <= keyIndent;
}

function lastMovedLine(lines: readonly Line[], from: number, keyIndent: number, end: number): Line {
  let last = from;
  for (let index = from + 1; index < end; index++) {
    const line = lines[index]!;
    if (isRecipeKey(line, keyIndent)) break;
    if (!isBlank(line.text)) last = index;
  }
  return lines[last]!;
}

function verifiedFix(text: string, lines: readonly Line[], left: LeftLines): Edit[] | undefined {
  const padding = ' '.repeat(left.shift);
  const edits: Edit[] = [];
  for (let index = left.first.index; index <= left.last.index; index++) {
    const line = lines[index]!;
    if (!isBlank(line.text)) edits.push({ start: line.start, end: line.start, text: padding });
  }
  let fixed = '';
  let cursor = 0;
  for (const edit of edits) {
    fixed += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  fixed += text.slice(cursor);
  const movedEnd = left.last.end + padding.length * edits.length;
  return parsesWithBlockReaching(fixed, left.layout.header.indicatorOffset, movedEnd) ? edits : undefined;
}

/** The text parses without an error and the block scalar that starts at `indicatorOffset` reaches `movedEnd`. */
function parsesWithBlockReaching(text: string, indicatorOffset: number, movedEnd: number): boolean {
  const documents = parseAsBuilder(text, { prettyErrors: false, uniqueKeys: false });
  if (documents.some((document) => document.errors.length > 0)) return false;
  let reaches = false;
  for (const document of documents) {
    visit(document, {
      Scalar(_, node) {
        if (isScalar(node) && node.range?.[0] === indicatorOffset && node.range[1] >= movedEnd) {
          reaches = true;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  return reaches;
}
