import type { Diagnostic, FileResult } from '../core/diagnostic.js';
import { docsUrl } from '../core/rule.js';
import { stringWidth, wrap, wrapPhrases } from '../text/width.js';
import { codeFrames } from './code-frame.js';
import { visible } from './escape.js';
import { oneLine, shownPath, type ReportContext, type Reporter } from './reporter.js';
import { summaryPhrases } from './summary.js';
import { codeUnitOrder } from '../text/order.js';
import { appendAll, largest } from '../core/append.js';

/** Below this many columns for the message, messages start on their own line under the position. */
const MIN_MESSAGE_WIDTH = 24;
const NARROW_INDENT = '    ';
/** Starts the line of a related place, under the message. */
const RELATED_MARK = '↳ ';

/**
 * ESLint's stylish shape, made to fit the terminal: the path once per file, then `line:col  severity  message  rule-id`
 * rows. Messages wrap at spaces under the message column, so that no line is wider than `context.width` except a path
 * that is longer by itself. Rule ids link to their documentation where the terminal shows hyperlinks.
 */
export const stylish: Reporter = (results, context) => {
  const width = context.width ?? 80;
  const style = styles(context);
  const blocks: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    blocks.push(fileBlock(result, context, width, style).join('\n'));
  }
  blocks.push(wrapPhrases(summaryPhrases(results, context), width - 2).join('\n  '));
  return blocks.join('\n\n') + '\n';
};

function fileBlock(result: FileResult, context: ReportContext, width: number, style: Styles): string[] {
  const diagnostics = [...result.diagnostics].sort(inReportOrder);
  const positionWidth = largest(diagnostics.map((d) => position(d).length));
  const severityWidth = largest(diagnostics.map((d) => d.severity.length));
  const lines = [style.path(visible(shownPath(result.path, context.cwd)))];
  const codeFrame = context.codeFrame && result.source !== undefined ? codeFrames(result.source, context.color, width) : undefined;
  for (const diagnostic of diagnostics) {
    const head = `  ${position(diagnostic).padEnd(positionWidth)}  ${diagnostic.severity.padEnd(severityWidth)}  `;
    const narrow = width - head.length < MIN_MESSAGE_WIDTH;
    const indent = narrow ? NARROW_INDENT : ' '.repeat(head.length);
    const rows = messageRows(diagnostic, width - indent.length, style);
    const styledHead = `  ${style.position(position(diagnostic).padEnd(positionWidth))}  ${style.severity(diagnostic.severity, diagnostic.severity.padEnd(severityWidth))}`;
    lines.push(narrow ? styledHead.trimEnd() : `${styledHead}  ${rows[0]}`);
    appendAll(lines, (narrow ? rows : rows.slice(1)).map((row) => indent + row));
    if (codeFrame) appendAll(lines, codeFrame(diagnostic));
    for (const related of diagnostic.related ?? []) {
      const where = `${related.path === undefined ? '' : `${visible(shownPath(related.path, context.cwd))}:`}${related.line}:${related.column}`;
      // Rows after the first are indented under the text after the mark.
      const rows = wrap(`${RELATED_MARK}${where}: ${oneLine(related.message)}`, width - indent.length - RELATED_MARK.length);
      appendAll(lines, rows.map((row, index) => indent + (index === 0 ? row : `${' '.repeat(RELATED_MARK.length)}${row}`)));
      if (codeFrame && related.path === undefined) appendAll(lines, codeFrame({ ...related, severity: diagnostic.severity }));
    }
  }
  return lines;
}

/** The message wrapped to `width`, with the rule id after its last line when it fits there, else on a line of its own. */
function messageRows(diagnostic: Diagnostic, width: number, style: Styles): string[] {
  const message = oneLine(diagnostic.message) + fixNote(diagnostic);
  const rows = wrap(message, width);
  const ruleId = style.ruleId(diagnostic.ruleId, diagnostic.url ?? docsUrl(diagnostic.ruleId));
  const last = rows.at(-1)!;
  if (stringWidth(last) + 2 + stringWidth(diagnostic.ruleId) <= width) rows[rows.length - 1] = `${last}  ${ruleId}`;
  else appendAll(rows, wrap(diagnostic.ruleId, width).map((piece) => style.ruleId(piece, diagnostic.url ?? docsUrl(diagnostic.ruleId))));
  return rows;
}

function fixNote(diagnostic: Diagnostic): string {
  if (!diagnostic.fix) return '';
  return diagnostic.fixSafety === 'unsafe' ? ' (fixable with --unsafe-fixes)' : ' (fixable)';
}

function position(diagnostic: Diagnostic): string {
  return `${diagnostic.line}:${diagnostic.column}`;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function inReportOrder(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || codeUnitOrder(a.ruleId, b.ruleId) || codeUnitOrder(a.message, b.message);
}

interface Styles {
  path: (text: string) => string;
  position: (text: string) => string;
  severity: (severity: Diagnostic['severity'], text: string) => string;
  ruleId: (text: string, url: string) => string;
}

const SEVERITY_COLOR = { error: '31', warning: '33', info: '34' } as const;

function styles({ color, hyperlinks }: ReportContext): Styles {
  const sgr = (open: string, close: string) => (text: string) => (color ? `\u001B[${open}m${text}\u001B[${close}m` : text);
  const dim = sgr('2', '22');
  return {
    path: sgr('4', '24'),
    position: dim,
    severity: (severity, text) => sgr(SEVERITY_COLOR[severity], '39')(text),
    ruleId: (text, url) => dim(hyperlinks ? hyperlink(text, url) : text),
  };
}

/** An OSC 8 hyperlink; a URL with characters a terminal could read as a control sequence is left out. */
function hyperlink(text: string, url: string): string {
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(url)) return text;
  return `\u001B]8;;${url}\u001B\\${text}\u001B]8;;\u001B\\`;
}
