import { shownPath, type Reporter } from './reporter.js';
import { XML_DECLARATION, xmlEscape } from './xml.js';

/** Checkstyle XML, as Jenkins warnings-ng, reviewdog and many IDEs read it: a `<file>` per linted file. */
export const checkstyle: Reporter = (results, { cwd }) => {
  const lines = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const result of results) {
    lines.push(`  <file name="${xmlEscape(shownPath(result.path, cwd))}">`);
    for (const d of result.diagnostics) {
      const attributes = { line: d.line, column: d.column, severity: d.severity, message: d.message, source: `fim-lint.${d.ruleId}` };
      lines.push(`    <error ${Object.entries(attributes).map(([key, value]) => `${key}="${xmlEscape(String(value))}"`).join(' ')}/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
};
