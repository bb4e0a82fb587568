import { visible } from './escape.js';
import { oneLine, shownPath, type Reporter } from './reporter.js';

const KIND = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `path:line:col: error|warning|note: message [rule-id]`, one line per problem: the form editors and problem matchers parse. */
export const gcc: Reporter = function* (results, { cwd }) {
  for (const result of results) {
    const path = visible(shownPath(result.path, cwd));
    for (const d of result.diagnostics) yield `${path}:${d.line}:${d.column}: ${KIND[d.severity]}: ${oneLine(d.message)} [${d.ruleId}]\n`;
  }
};
