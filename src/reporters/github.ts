import { visible } from './escape.js';
import { shownPath, type Reporter } from './reporter.js';
import { summaryLine } from './summary.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one annotation per problem:
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=<rule>::<message>`, then the summary line for the log.
 */
export const github: Reporter = function* (results, context) {
  for (const result of results) {
    const file = visibleLines(shownPath(result.path, context.cwd));
    for (const d of result.diagnostics) {
      const properties = { file, line: d.line, endLine: d.endLine, col: d.column, endColumn: d.endColumn, title: d.ruleId };
      const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
      yield `::${COMMAND[d.severity]} ${list.join(',')}::${escapeData(visibleLines(d.message))}\n`;
    }
  }
  yield `${summaryLine(results, context)}\n`;
};

/**
 * Line breaks stay, as the escapes GitHub reads back (a multi-line message; a file name that still names its file); any
 * other control is made visible.
 */
function visibleLines(message: string): string {
  return message.split(/\r?\n/).map(visible).join('\n');
}

/** As `@actions/core` escapes command data: `%` first, then line breaks. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Property values also escape the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
