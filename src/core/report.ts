import { ruleSetting, type Config } from './config.js';
import type { Diagnostic, Edit } from './diagnostic.js';
import { docsUrl, type PlacedProblem, type Rule } from './rule.js';

/** Who reports a problem: a rule, or the engine under an `engine/…` id. */
export type Reporter = Pick<Rule, 'id' | 'severity' | 'fixable'>;

/**
 * The one place a diagnostic is made, from a rule's problem, an engine failure, a directive problem or a problem of a
 * check across files. The severity is the configuration's for the sub-id, then for the rule, then the problem's own,
 * then the rule's; `undefined` when the configuration turns the problem off. A fix from a rule that does not declare
 * `fixable` breaks the rule contract: it throws, and the caller reports the rule's internal error.
 */
export function toDiagnostic(reporter: Reporter, problem: PlacedProblem, config?: Config): Diagnostic | undefined {
  if (problem.fix !== undefined && !reporter.fixable) throw new Error(`it offers a fix but does not declare 'fixable'`);
  const ruleId = problem.ruleId ?? reporter.id;
  const configured = config && (ruleSetting(config, ruleId).severity ?? (ruleId === reporter.id ? undefined : ruleSetting(config, reporter.id).severity));
  if (configured === 'off') return undefined;
  const { place } = problem;
  const diagnostic: Diagnostic = {
    ruleId,
    severity: configured ?? problem.severity ?? reporter.severity,
    message: problem.message,
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    start: place.start,
    end: place.end,
    url: problem.url ?? docsUrl(reporter.id),
  };
  if (problem.fix !== undefined && !problem.fixUnwritable) {
    diagnostic.fix = Array.isArray(problem.fix) ? problem.fix : [problem.fix as Edit];
    diagnostic.fixSafety = problem.fixSafety ?? reporter.fixable ?? 'safe';
  }
  if (problem.related?.length) diagnostic.related = problem.related;
  return diagnostic;
}
