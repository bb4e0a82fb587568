import type { Document, YAMLError } from 'yaml';
import type { Edit } from '../core/diagnostic.js';
import { isBlank, lineIndexAt, splitLines, type Line } from '../text/lines.js';
import { findLeftLines, type LeftLines } from './block-scalar-indent.js';
import type { Recipe, Span } from './recipe.js';
import { findPastedRecipe } from './pasted-recipe.js';
import { perRecipe } from './per-recipe.js';
import { findUnclosedFlow, findUnclosedQuote, plainValueWith, type ValueMark } from './value-marks.js';
import { blockContentLines, blockLayouts } from './yaml-layout.js';
import { largest } from '../core/append.js';

export type SyntaxCauseKind = 'block-indent' | 'tab' | 'colon' | 'hash' | 'quote' | 'bracket' | 'pasted-recipe' | 'nesting' | 'parser';

/** The cause of a document's syntax errors, in the words of a recipe's author. */
export interface SyntaxCause {
  kind: SyntaxCauseKind;
  message: string;
  at: Span;
  /** Index of the YAML document. */
  document: number;
  /**
   * Where the cause's consequences start: every later error of the document, and every duplicate key from there on,
   * follows from it.
   */
  from: number;
  fix?: Edit[];
}

/** One cause per YAML document with errors, plus a second recipe pasted into the file; worked out once per recipe. */
export const diagnoseSyntax = perRecipe(diagnose);

/** True when an offset of the first document lies where a syntax error or a pasted recipe has its consequences. */
export function followsFromSyntaxCause(recipe: Recipe, offset: number): boolean {
  return diagnoseSyntax(recipe).some((cause) => cause.document === 0 && offset >= cause.from);
}

function diagnose(recipe: Recipe): SyntaxCause[] {
  const lines = splitLines(recipe.text);
  const causes: SyntaxCause[] = [];
  const ends = recipe.documents.map((_, index) => documentEndLine(recipe, lines, index));
  const pasted = recipe.document && findPastedRecipe(lines, lineIndexAt(lines, recipe.document.range[0]), ends[0]!);
  if (pasted) causes.push({ ...pasted, document: 0 });
  recipe.documents.forEach((document, index) => {
    const cause = diagnoseDocument(recipe.text, lines, document, index, ends[index]!);
    if (cause && !(pasted && index === 0 && cause.from >= pasted.from)) causes.push(cause);
  });
  return causes;
}

function diagnoseDocument(text: string, lines: readonly Line[], document: Document.Parsed, index: number, to: number): SyntaxCause | undefined {
  const errors = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
  const first = errors[0];
  if (!first) return undefined;
  const where = index === 0 ? '' : ` (in YAML document ${index + 1})`;
  const overflow = errors.find((error) => error.message.includes('Maximum call stack size exceeded'));
  if (overflow) {
    const message = 'YAML syntax error: the YAML is nested too deeply to read (the parser ran out of stack); recipes nest a few levels';
    return { kind: 'nesting', message: message + where, at: span(overflow), document: index, from: overflow.pos[0] };
  }

  const from = lines.length === 0 ? 0 : lineIndexAt(lines, document.range[0]);
  // The parser may put an error on the blank line before the line that causes it.
  let errorLine = lineIndexAt(lines, first.pos[0]);
  while (errorLine + 1 < to && isBlank(lines[errorLine]!.text)) errorLine++;
  const layouts = blockLayouts(lines, from, to);
  const inBlocks = blockContentLines(layouts);
  const candidates: Omit<SyntaxCause, 'document'>[] = [];

  const left = findLeftLines(text, lines, layouts, errorLine, to);
  if (left) candidates.push(leftLinesCause(left));
  if (errors.some((error) => /Missing closing ["']quote/.test(error.message))) {
    const lastErrorLine = lineIndexAt(lines, largest(errors.map((error) => error.pos[0])));
    const quote = findUnclosedQuote(lines, from, lastErrorLine + 1, inBlocks);
    if (quote) candidates.push(quoteCause(quote));
  }
  const errorLineText = lines[errorLine]?.text ?? '';
  const tab = /^[ \t]*\t/.exec(errorLineText);
  if (tab) {
    const at = lines[errorLine]!.start + tab[0].length - 1;
    const message = `Line ${errorLine + 1} is indented with a tab: YAML indents with spaces only; replace the tab with spaces`;
    candidates.push({ kind: 'tab', message, at: { start: at, end: at + 1 }, from: lines[errorLine]!.start });
  }
  const flow = findUnclosedFlow(lines, from, errorLine + 1, inBlocks);
  if (flow) candidates.push(flow.comment ? hashCause(flow.comment) : bracketCause(flow.open));
  for (const lineIndex of [errorLine, previousNonBlank(lines, errorLine, from)]) {
    if (lineIndex === undefined || inBlocks.has(lineIndex)) continue;
    const hash = plainValueWith(lines[lineIndex]!, ' #');
    if (hash && lineIndex < errorLine) candidates.push(hashCause(hash));
    const colon = lineIndex === errorLine ? plainValueWith(lines[lineIndex]!, ': ') : undefined;
    if (colon) candidates.push(colonCause(colon));
  }

  const chosen = candidates.sort((a, b) => a.from - b.from)[0];
  if (chosen && chosen.from <= Math.max(first.pos[0], lines[errorLine]?.end ?? 0)) return { ...chosen, message: chosen.message + where, document: index };
  const message = `YAML syntax error: ${parserSentence(first)}${where}`;
  return { kind: 'parser', message, at: span(first), document: index, from: first.pos[0] };
}

function leftLinesCause(left: LeftLines): Omit<SyntaxCause, 'document'> {
  const { layout, first, last, shift } = left;
  const header = `\`${layout.header.key}: ${layout.header.indicator}\` on line ${layout.header.line.index + 1}`;
  const ends = layout.lastLine === layout.header.line.index ? 'so the script is empty' : `so the script ends at line ${layout.lastLine + 1}`;
  const lineRange = first.index === last.index ? `line ${first.index + 1}` : `lines ${first.index + 1}–${last.index + 1}`;
  const spaces = `${shift} space${shift === 1 ? '' : 's'}`;
  const column = first.text.length - first.text.trimStart().length + 1;
  const message = left.tab
    ? `Line ${first.index + 1} is indented with a tab, left of the script of ${header}, ${ends}: YAML indents with spaces only; indent line ${first.index + 1} with spaces to column ${(layout.indent ?? layout.header.keyIndent + 2) + 1}`
    : `Line ${first.index + 1} starts at column ${column}, left of the script of ${header}, ${ends}: indent ${lineRange} by ${spaces}`;
  const cause: Omit<SyntaxCause, 'document'> = {
    kind: left.tab ? 'tab' : 'block-indent',
    message,
    at: { start: first.start, end: first.end },
    from: first.start,
  };
  if (left.fix) cause.fix = left.fix;
  return cause;
}

function quoteCause(mark: ValueMark): Omit<SyntaxCause, 'document'> {
  const of = mark.key ? `the value of \`${mark.key}\`` : 'a value';
  const message = `Line ${mark.line.index + 1}: the \`${mark.text}\` at column ${mark.column} opens ${of} and is not closed on that line, so the value runs on into the lines below; add the closing \`${mark.text}\``;
  return { kind: 'quote', message, at: { start: mark.offset, end: mark.offset + 1 }, from: mark.offset };
}

function bracketCause(mark: ValueMark): Omit<SyntaxCause, 'document'> {
  const closing = mark.text === '[' ? ']' : '}';
  const of = mark.key ? `the value of \`${mark.key}\`` : 'a value';
  const message = `Line ${mark.line.index + 1}: the \`${mark.text}\` at column ${mark.column} opens ${of} and is never closed; add \`${closing}\` at the end of the ${mark.text === '[' ? 'list' : 'mapping'}`;
  return { kind: 'bracket', message, at: { start: mark.offset, end: mark.offset + 1 }, from: mark.offset };
}

function hashCause(mark: ValueMark): Omit<SyntaxCause, 'document'> {
  const of = mark.key ? `the value of \`${mark.key}\`` : 'the value';
  const message = `Line ${mark.line.index + 1}: the \`#\` at column ${mark.column} follows a space, so it starts a YAML comment, which cuts ${of} short; put the value in quotes to keep the \`#\``;
  return { kind: 'hash', message, at: { start: mark.offset, end: mark.offset + 1 }, from: mark.line.start };
}

function colonCause(mark: ValueMark): Omit<SyntaxCause, 'document'> {
  const of = mark.key ? `the value of \`${mark.key}\`` : 'a value';
  const quoted = mark.value !== undefined ? quote(mark.value) : undefined;
  const suggestion = quoted && mark.key ? `: \`${mark.key}: ${quoted}\`` : '';
  const message = `Line ${mark.line.index + 1}: \`: \` at column ${mark.column} inside ${of} reads as the start of a nested key; put the value in quotes${suggestion}`;
  return { kind: 'colon', message, at: { start: mark.offset, end: mark.offset + 2 }, from: mark.line.start };
}

function quote(value: string): string | undefined {
  if (!/["\\]/.test(value)) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return undefined;
}

function previousNonBlank(lines: readonly Line[], index: number, from: number): number | undefined {
  for (let i = index - 1; i >= from; i--) if (!isBlank(lines[i]!.text)) return i;
  return undefined;
}

/** The line after a document's last: where the next document starts (a broken document's own range may end early). */
function documentEndLine(recipe: Recipe, lines: readonly Line[], index: number): number {
  const next = recipe.documents[index + 1];
  return next ? lineIndexAt(lines, next.range[0]) : lines.length;
}

function span(error: YAMLError): Span {
  return { start: error.pos[0], end: error.pos[1] };
}

/** The parser's message, first line only, without its own position. */
export function parserSentence(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
