import { VFile } from 'vfile';
import { reporter as vfileReporter } from 'vfile-reporter';
import type { Diagnostic, FileResult } from '../core/diagnostic.js';
import { codeFrame } from './code-frame.js';
import { visible } from './escape.js';
import { oneLine, shownPath, type Reporter } from './reporter.js';
import { summaryLine } from './summary.js';

/**
 * Editor-style output from vfile-reporter: a header per file with problems, then one line per problem that starts with
 * a clickable `path:line:col` (with the end of the span after a `-`), severity, message and rule id, optionally the
 * offending lines, and a summary line.
 */
export const stylish: Reporter = (results, context) => {
  const blocks: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const path = visible(shownPath(result.path, context.cwd));
    const diagnostics = [...result.diagnostics].sort(inReporterOrder);
    const [header, ...rows] = vfileReporter(toVFile(path, diagnostics), { color: context.color }).split('\n');
    const lines = [header!];
    diagnostics.forEach((diagnostic, index) => {
      lines.push(`${path}:${rows[index]}`);
      if (context.codeFrame && result.source !== undefined) lines.push(...codeFrame(result.source, diagnostic, context.color));
    });
    blocks.push(lines.join('\n'));
  }
  blocks.push(summaryLine(results, context));
  return blocks.join('\n\n') + '\n';
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** vfile-reporter's order (line, column, errors first, rule id, text), so that its n-th row is the n-th diagnostic. */
function inReporterOrder(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    reason(a).localeCompare(reason(b))
  );
}

function reason(diagnostic: Diagnostic): string {
  return oneLine(diagnostic.message) + (diagnostic.fix ? ' (fixable)' : '');
}

function toVFile(path: string, diagnostics: readonly Diagnostic[]): VFile {
  const file = new VFile({ path });
  for (const diagnostic of diagnostics) {
    const message = file.message(reason(diagnostic), {
      place: {
        start: { line: diagnostic.line, column: diagnostic.column },
        end: { line: diagnostic.endLine, column: diagnostic.endColumn },
      },
      ruleId: diagnostic.ruleId,
    });
    message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined;
  }
  return file;
}
