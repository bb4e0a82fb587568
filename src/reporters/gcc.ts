import { ColumnConverter } from './columns.js';
import { visible } from './escape.js';
import { oneLine, shownPath, type Reporter } from './reporter.js';

/** gcc's words; `.github/fim-lint-matcher.json` maps `note` to GitHub's `notice`. */
const KIND = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * `path:line:col: error|warning|note: message [rule-id]`, one line per problem: the form editors and problem matchers
 * parse. Columns count UTF-8 bytes, as Vim's `%c` and Emacs do, unless `context.columnUnit` says otherwise.
 */
export const gcc: Reporter = function* (results, { cwd, columnUnit = 'byte' }) {
  for (const result of results) {
    const path = visible(shownPath(result.path, cwd));
    const columns = new ColumnConverter(result.source, columnUnit);
    for (const d of result.diagnostics) yield `${path}:${d.line}:${columns.column(d)}: ${KIND[d.severity]}: ${oneLine(d.message)} [${d.ruleId}]\n`;
  }
};
