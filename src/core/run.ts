import { availableParallelism } from 'node:os';
import { discoverTargets, type DiscoveryProblem, type Target } from '../files/discover.js';
import type { Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { DEFAULT_TIME_LIMIT_SECONDS } from './limits.js';
import { LintPool, workerScript } from './pool.js';
import { loadRules } from './registry.js';
import { ruleSetting } from './config.js';
import { docsUrl, type Rule } from './rule.js';
import { lintFile, lintTarget, type TargetOptions, type TargetOutcome } from './target.js';

export type { LintedFile } from './target.js';

/** How many files may be between reading and reporting at once. */
const FILES_IN_FLIGHT = 32;

/** From this many files on, `concurrency: 'auto'` lints on worker threads (measured: `npm run bench`). */
export const POOL_THRESHOLD = 48;

export interface RunOptions extends Pick<TargetOptions, 'afterLint'> {
  config: Config;
  keepSource?: boolean;
  /** Text read from standard input, linted under `stdinPath`, when the path `-` was given. */
  stdin?: { path: string; bytes: Uint8Array };
  /**
   * Worker threads: `auto` (the default) uses one per core when there are at least `POOL_THRESHOLD` files, `off`
   * lints on the main thread, a number always uses that many workers. `afterLint` (fixing) needs the main thread.
   */
  concurrency?: number | 'auto' | 'off';
  /** Per-file time limit on worker threads; the main thread cannot stop a file. */
  timeLimitSeconds?: number;
}

export interface RunSummary {
  results: FileResult[];
  /** Walked files skipped because they are plainly not recipes. */
  skipped: number;
  /** Paths that could not be read: the run ends with exit code 2. */
  problems: DiscoveryProblem[];
}

/** Lints every recipe named by `paths`, then runs the checks that span files. */
export async function lintPaths(paths: readonly string[], options: RunOptions): Promise<RunSummary> {
  const summary: RunSummary = { results: [], skipped: 0, problems: [] };
  const targets = discoverTargets(paths.filter((path) => path !== '-'), summary.problems);
  const firstTargets = take(targets, POOL_THRESHOLD);
  const pool = startPool(firstTargets.length, options);
  const rules = await loadRules();
  const lintOptions: TargetOptions = { ...options, rules };
  const lint = pool ? (target: Target) => pool.lint(target, options.config) : (target: Target) => lintTarget(target, lintOptions);

  // Only small results are kept: parsed recipes and their text are dropped as soon as each file is done.
  const outcomes: TargetOutcome[] = [];
  // Several files are in flight at once: reads overlap with linting, and rules waiting on external tools
  // (ShellCheck) can batch their work across files.
  const inFlight = new Set<Promise<void>>();
  const schedule = async (index: number, task: () => Promise<TargetOutcome>) => {
    const running = task()
      .then((outcome) => void (outcomes[index] = outcome))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
    if (inFlight.size >= FILES_IN_FLIGHT) await Promise.race(inFlight);
  };

  try {
    let index = 0;
    if (paths.includes('-') && options.stdin) {
      const { path, bytes } = options.stdin;
      await schedule(index++, () => lintFile(path, bytes, lintOptions, true));
    }
    for (const target of firstTargets) await schedule(index++, () => lint(target));
    for (const target of targets) await schedule(index++, () => lint(target));
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }

  const collected = new Map<string, { path: string; data: unknown }[]>();
  for (const outcome of outcomes) {
    if (outcome?.kind === 'skipped') summary.skipped++;
    if (outcome?.kind === 'unreadable') summary.problems.push({ path: outcome.path, message: outcome.message });
    if (outcome?.kind !== 'linted') continue;
    summary.results.push(outcome.result);
    for (const [ruleId, data] of Object.entries(outcome.collected)) {
      const entries = collected.get(ruleId) ?? [];
      entries.push({ path: outcome.result.path, data });
      collected.set(ruleId, entries);
    }
  }

  runProjectChecks(rules, collected, summary.results, options.config);
  for (const result of summary.results) result.diagnostics.sort(compareDiagnostics);
  return summary;
}

function startPool(knownFiles: number, options: RunOptions): LintPool | undefined {
  const { concurrency = 'auto' } = options;
  if (concurrency === 'off' || concurrency === 0 || knownFiles === 0 || options.afterLint) return undefined;
  if (concurrency === 'auto' && knownFiles < POOL_THRESHOLD) return undefined;
  const script = workerScript();
  if (!script) return undefined;
  const size = concurrency === 'auto' ? availableParallelism() : concurrency;
  return new LintPool(script, {
    size: Math.max(1, Math.min(size, knownFiles)),
    timeLimitMs: (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000,
    setup: { keepSource: options.keepSource ?? false },
  });
}

function take<T>(items: Iterator<T>, count: number): T[] {
  const taken: T[] = [];
  while (taken.length < count) {
    const next = items.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}
function runProjectChecks(
  rules: readonly Rule[],
  collected: Map<string, { path: string; data: unknown }[]>,
  results: FileResult[],
  config: Config,
): void {
  const byPath = new Map(results.map((result) => [result.path, result]));
  for (const rule of rules) {
    const entries = collected.get(rule.id);
    if (!rule.checkProject || !entries) continue;
    const severity = ruleSetting(config, rule.id).severity ?? rule.severity;
    if (severity === 'off') continue;
    rule.checkProject({
      entries,
      report(path, problem) {
        const diagnostic: Diagnostic = {
          ruleId: rule.id,
          severity,
          message: problem.message,
          line: problem.line,
          column: problem.column,
          endLine: problem.endLine,
          endColumn: problem.endColumn,
          start: problem.at.start,
          end: problem.at.end,
          url: problem.url ?? docsUrl(rule.id),
        };
        byPath.get(path)?.diagnostics.push(diagnostic);
      },
    });
  }
}
