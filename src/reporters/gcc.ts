import { oneLine, shownPath, type Reporter } from './reporter.js';

const KIND = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `path:line:col: error|warning|note: message [rule-id]`, one line per problem: the form editors and problem matchers parse. */
export const gcc: Reporter = (results, { cwd }) =>
  results
    .flatMap((result) => {
      const path = shownPath(result.path, cwd);
      return result.diagnostics.map((d) => `${path}:${d.line}:${d.column}: ${KIND[d.severity]}: ${oneLine(d.message)} [${d.ruleId}]\n`);
    })
    .join('');
