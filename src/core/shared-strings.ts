import type { Severity } from './diagnostic.js';
import type { TargetOutcome } from './outcome.js';

/**
 * Every message from a worker brings its own copies of strings that repeat from file to file: the path the file was
 * sent with, rule ids, severities, links, the same message for the same problem. On ten copies of the corpus those
 * copies were half of what the main thread held, so each is replaced by one shared copy as it arrives.
 */
export class SharedStrings {
  readonly #kept = new Map<string, string>();

  share<T extends string>(text: T): T {
    const kept = this.#kept.get(text);
    if (kept !== undefined) return kept as T;
    this.#kept.set(text, text);
    return text;
  }

  /** The outcome of the file sent as `path`, with its strings shared. */
  outcome(outcome: TargetOutcome, path: string): TargetOutcome {
    if (outcome.kind !== 'linted') return outcome;
    if (outcome.result.path === path) outcome.result.path = path;
    // Rebuilt as literals, every field named: objects that come out of a message keep their properties out of line.
    outcome.result.diagnostics = outcome.result.diagnostics.map(({ ruleId, severity, message, line, column, endLine, endColumn, start, end, url, fix, fixSafety, related }) => ({
      ruleId: this.share(ruleId),
      severity: this.share<Severity>(severity),
      message: this.share(message),
      line,
      column,
      endLine,
      endColumn,
      start,
      end,
      ...(url === undefined ? {} : { url: this.share(url) }),
      ...(fix === undefined ? {} : { fix, fixSafety }),
      ...(related === undefined ? {} : { related }),
    }));
    return outcome;
  }
}
