import type { Diagnostic } from '../core/diagnostic.js';
import { visible } from './escape.js';

/** Lines shown at most for one problem. */
const MAX_LINES = 3;

/**
 * The offending lines of a problem with a line-number gutter and `^` under the reported span:
 *
 *       11 │ pkg: "broken-bin"
 *          │ ^^^
 */
export function codeFrame(source: string, diagnostic: Diagnostic, color: boolean): string[] {
  const lines = source.split('\n');
  const last = Math.min(diagnostic.endLine, diagnostic.line + MAX_LINES - 1, lines.length);
  const width = String(last).length;
  const dim = (text: string) => (color ? `\u001B[2m${text}\u001B[22m` : text);
  const mark = (text: string) => (color ? `${diagnostic.severity === 'error' ? '\u001B[31m' : '\u001B[33m'}${text}\u001B[39m` : text);
  const frame: string[] = [];
  for (let number = diagnostic.line; number <= last; number++) {
    const text = (lines[number - 1] ?? '').replace(/\r$/, '');
    frame.push(`  ${dim(`${String(number).padStart(width)} │`)} ${visible(text)}`);
    const from = number === diagnostic.line ? diagnostic.column - 1 : text.length - text.trimStart().length;
    const to = number === diagnostic.endLine ? diagnostic.endColumn - 1 : text.length;
    // Measured on the text as shown, where an escaped control takes several columns.
    const carets = Math.max(1, visible(text.slice(from, Math.min(to, text.length))).length);
    // Keep tabs under tabs so the carets line up with the text above them.
    const indent = visible(text.slice(0, from)).replace(/[^\t]/g, ' ');
    frame.push(`  ${dim(`${' '.repeat(width)} │`)} ${indent}${mark('^'.repeat(carets))}`);
  }
  return frame;
}
