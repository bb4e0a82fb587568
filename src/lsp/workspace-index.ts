import { setImmediate as yieldToEvents, setTimeout as sleep } from 'node:timers/promises';
import { discoverTargets } from '../files/discover.js';
import { isRuleEnabled } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Rule } from '../core/rule.js';
import { toDiagnostic } from '../core/report.js';
import { lintTarget } from '../core/target.js';
import type { Analysis, RecipeLinter } from './recipe-linter.js';
import { displayPath } from './document-paths.js';
import { codeUnitOrder } from '../text/order.js';

/** How long the scan of the workspace waits while the editor's documents are being linted. */
const BUSY_WAIT_MS = 25;

/**
 * What the rules with checks across files (duplicate `pkg_id`) collected from every recipe of the workspace folders:
 * read from disk once, and from the editor's text for open documents.
 */
export class WorkspaceIndex {
  readonly #onDisk = new Map<string, Record<string, unknown>>();
  readonly #open = new Map<string, Record<string, unknown>>();
  readonly #collecting: Rule[];

  constructor(
    private readonly rules: readonly Rule[],
    private readonly linter: RecipeLinter,
    private readonly folders: () => readonly string[],
  ) {
    this.#collecting = rules.filter((rule) => rule.collect && rule.checkProject);
  }

  /**
   * Reads every recipe of the workspace folders; resolves when done. One file per turn of the event loop, and none while
   * `busy()` says the open documents are being linted: typing goes first.
   */
  async scan(busy: () => boolean = () => false): Promise<void> {
    if (this.#collecting.length === 0) return;
    for (const target of discoverTargets(this.folders(), [])) {
      await yieldToEvents();
      while (busy()) await sleep(BUSY_WAIT_MS);
      await this.refresh(target.path);
    }
  }

  /** Reads a recipe from disk again (saved, closed, or changed by another program). */
  async refresh(file: string): Promise<void> {
    if (this.#collecting.length === 0) return;
    const { config, ignored } = await this.linter.configFor(file).catch(() => ({ config: undefined, ignored: true }));
    const key = displayPath(file, this.folders());
    if (ignored || !config) {
      this.#onDisk.delete(key);
      return;
    }
    const outcome = await lintTarget({ path: file, explicit: false }, { config, rules: this.#collecting, keepSource: false });
    if (outcome.kind === 'linted') this.#onDisk.set(key, outcome.collected);
    else this.#onDisk.delete(key);
  }

  /** Drops a deleted recipe. */
  forget(file: string): void {
    this.#onDisk.delete(displayPath(file, this.folders()));
  }

  /** Records what an open document's text gave; returns whether it changed. */
  setOpen(analysis: Analysis): boolean {
    const before = JSON.stringify(this.#open.get(analysis.path) ?? null);
    this.#open.set(analysis.path, analysis.outcome.collected);
    return before !== JSON.stringify(analysis.outcome.collected);
  }

  closeOpen(path: string): void {
    this.#open.delete(path);
  }

  /** The diagnostics of the checks across files for one analysed document, with its configuration and suppressions. */
  diagnosticsFor(analysis: Analysis): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const { config, outcome } = analysis;
    for (const rule of this.rules) {
      if (!rule.checkProject || !isRuleEnabled(config, rule)) continue;
      const entries = this.#entries(rule.id);
      if (!entries.some((entry) => entry.path === analysis.path)) continue;
      rule.checkProject({
        entries,
        report(path, problem) {
          if (path !== analysis.path) return;
          const diagnostic = toDiagnostic(rule, problem, config);
          if (diagnostic && !outcome.suppressions.suppresses(diagnostic)) diagnostics.push(diagnostic);
        },
      });
    }
    return diagnostics;
  }

  /** What each recipe gave a rule, open documents' text first; sorted by path, as a run reports them. */
  #entries(ruleId: string): { path: string; data: unknown }[] {
    const byPath = new Map<string, unknown>();
    for (const [path, collected] of this.#onDisk) if (ruleId in collected) byPath.set(path, collected[ruleId]);
    for (const [path, collected] of this.#open) {
      if (ruleId in collected) byPath.set(path, collected[ruleId]);
      else byPath.delete(path);
    }
    return [...byPath].sort(([a], [b]) => codeUnitOrder(a, b)).map(([path, data]) => ({ path, data }));
  }
}
