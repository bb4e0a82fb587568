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
    // Copied whole, so that no field of a diagnostic can be left behind; only the repeated strings are replaced.
    outcome.result.diagnostics = outcome.result.diagnostics.map((diagnostic) => ({
      ...diagnostic,
      ruleId: this.share(diagnostic.ruleId),
      severity: this.share<Severity>(diagnostic.severity),
      message: this.share(diagnostic.message),
      ...(diagnostic.url === undefined ? {} : { url: this.share(diagnostic.url) }),
    }));
    return outcome;
  }
}
