import { VFile } from 'vfile';
import { reporter as vfileReporter } from 'vfile-reporter';
import { countBySeverity, type FileResult } from '../core/diagnostic.js';
import type { Reporter } from './reporter.js';

/** Editor-style output: a header per file, `line:col` with severity, message and rule id, then a summary. */
export const stylish: Reporter = (results, { color, skipped }) => {
  const files = results.map(toVFile);
  const body = vfileReporter(files, { color, quiet: false });
  const counts = countBySeverity(results);
  const lines = [body];
  if (counts.fixable > 0) {
    lines.push(`${counts.fixable} problem${counts.fixable === 1 ? '' : 's'} potentially fixable with the --fix option.`);
  }
  const checked = `${results.length} file${results.length === 1 ? '' : 's'} checked`;
  lines.push(skipped > 0 ? `${checked}, ${skipped} skipped (not recipes)` : checked);
  return lines.filter(Boolean).join('\n') + '\n';
};

function toVFile(result: FileResult): VFile {
  const file = new VFile({ path: result.path });
  for (const diagnostic of result.diagnostics) {
    // vfile-reporter prints `message.message`, which is set from the text given here (not from a later `reason`).
    const text = diagnostic.fix ? `${diagnostic.message} (fixable)` : diagnostic.message;
    const message = file.message(text, {
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
