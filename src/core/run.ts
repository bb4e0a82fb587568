import { readFileSync } from 'node:fs';
import { describeFsError, discoverTargets, looksLikeRecipe, type DiscoveryProblem, type Target } from '../files/discover.js';
import { defaultConfig, isRuleEnabled, ruleSetting, type Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { lintBytes, lintText, type LintOutcome } from './lint.js';
import { loadRules } from './registry.js';
import { docsUrl, type Rule } from './rule.js';
import type { Suppressions } from './suppressions.js';

/** How many files may be between reading and reporting at once. */
const FILES_IN_FLIGHT = 32;

/** A file's configuration; an ignored file is not linted. */
export interface FileConfig {
  config: Config;
  ignored: boolean;
}

export interface RunOptions {
  /** The configuration of every file, unless `configFor` is given. */
  config?: Config;
  /** Resolves the configuration of each file (config files found from its folder upward, overrides, ignores). */
  configFor?: (path: string) => Promise<FileConfig>;
  keepSource?: boolean;
  /** Lint named files only when they look like recipes, as walked files are (for hooks that pass every YAML file). */
  skipNonRecipes?: boolean;
  /** Text read from standard input, linted under `stdinPath`, when the path `-` was given. */
  stdin?: { path: string; bytes: Uint8Array };
  /** Runs on each file once it is linted (e.g. to fix it); the outcome it returns is the one reported. */
  afterLint?: (file: LintedFile) => Promise<LintOutcome>;
}

export interface LintedFile {
  path: string;
  bytes: Uint8Array;
  /** Read from standard input: there is no file to write. */
  fromStdin: boolean;
  outcome: LintOutcome;
  /** Lints another text under this file's path with the same rules and configuration. */
  relint(text: string): Promise<LintOutcome>;
}

export interface RunSummary {
  results: FileResult[];
  /** Walked files skipped because they are plainly not recipes. */
  skipped: number;
  /** Files skipped because of an `ignore` pattern. */
  ignored: number;
  /** Paths that could not be read: the run ends with exit code 2. */
  problems: DiscoveryProblem[];
  /** What rules had to say about the run itself (e.g. ShellCheck is missing), each once. */
  notices: string[];
}

/** Lints every recipe named by `paths`, then runs the checks that span files. */
export async function lintPaths(paths: readonly string[], options: RunOptions): Promise<RunSummary> {
  const rules = await loadRules();
  const summary: RunSummary = { results: [], skipped: 0, ignored: 0, problems: [], notices: [] };
  const notices = new Set<string>();
  const everyFile: FileConfig = { config: options.config ?? defaultConfig(), ignored: false };
  const configFor = options.configFor ?? (async () => everyFile);

  // Only what reporting and the checks across files need is kept: parsed recipes are dropped as soon as possible.
  const outcomes: (Pick<LintOutcome, 'result' | 'collected' | 'suppressions'> | undefined)[] = [];
  const configs = new Map<string, Config>();
  const lintOne = async (index: number, path: string, bytes: Uint8Array, config: Config, fromStdin = false) => {
    configs.set(path, config);
    const lintOptions = { config, rules, keepSource: options.keepSource, notices };
    let outcome = await lintBytes(path, bytes, lintOptions);
    if (options.afterLint) {
      const relint = (text: string) => lintText(path, text, lintOptions);
      outcome = await options.afterLint({ path, bytes, fromStdin, outcome, relint });
    }
    outcomes[index] = { result: outcome.result, collected: outcome.collected, suppressions: outcome.suppressions };
  };
  const readAndLint = async (index: number, target: Target) => {
    const { config, ignored } = await configFor(target.path);
    if (ignored) {
      summary.ignored++;
      return;
    }
    const bytes = await readTarget(target, summary.problems);
    if (bytes === undefined) return;
    if ((!target.explicit || options.skipNonRecipes) && !looksLikeRecipe(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) {
      summary.skipped++;
      return;
    }
    await lintOne(index, target.path, bytes, config);
  };

  // Several files are in flight at once: reads overlap with linting, and rules waiting on external tools
  // (ShellCheck) can batch their work across files. Parsing and the rules still run one at a time on this thread.
  const inFlight = new Set<Promise<void>>();
  const schedule = async (task: () => Promise<void>) => {
    const running = task().finally(() => inFlight.delete(running));
    inFlight.add(running);
    if (inFlight.size >= FILES_IN_FLIGHT) await Promise.race(inFlight);
  };

  let index = 0;
  if (paths.includes('-') && options.stdin) {
    const { path, bytes } = options.stdin;
    const { config, ignored } = await configFor(path);
    const stdinIndex = index++;
    if (ignored) summary.ignored++;
    else await schedule(() => lintOne(stdinIndex, path, bytes, config, true));
  }
  const fileTargets = paths.filter((path) => path !== '-');
  for (const target of discoverTargets(fileTargets, summary.problems)) {
    const targetIndex = index++;
    await schedule(() => readAndLint(targetIndex, target));
  }
  await Promise.all(inFlight);
  summary.notices = [...notices];

  const collected = new Map<string, { path: string; data: unknown }[]>();
  const suppressions = new Map<string, Suppressions>();
  for (const outcome of outcomes) {
    if (!outcome) continue;
    summary.results.push(outcome.result);
    suppressions.set(outcome.result.path, outcome.suppressions);
    for (const [ruleId, data] of Object.entries(outcome.collected)) {
      const entries = collected.get(ruleId) ?? [];
      entries.push({ path: outcome.result.path, data });
      collected.set(ruleId, entries);
    }
  }

  runProjectChecks(rules, collected, summary.results, configs, suppressions);
  for (const result of summary.results) result.diagnostics.sort(compareDiagnostics);
  return summary;
}

async function readTarget(target: Target, problems: DiscoveryProblem[]): Promise<Uint8Array | undefined> {
  try {
    return readFileSync(target.path);
  } catch (error) {
    problems.push({ path: target.path, message: `cannot read ${target.path}: ${describeFsError(error)}` });
    return undefined;
  }
}

function runProjectChecks(
  rules: readonly Rule[],
  collected: Map<string, { path: string; data: unknown }[]>,
  results: FileResult[],
  configs: ReadonlyMap<string, Config>,
  suppressions: ReadonlyMap<string, Suppressions>,
): void {
  const byPath = new Map(results.map((result) => [result.path, result]));
  for (const rule of rules) {
    const entries = collected.get(rule.id);
    if (!rule.checkProject || !entries) continue;
    rule.checkProject({
      entries,
      report(path, problem) {
        const config = configs.get(path);
        if (!config || !isRuleEnabled(config, rule)) return;
        const configured = ruleSetting(config, rule.id).severity;
        const diagnostic: Diagnostic = {
          ruleId: rule.id,
          severity: configured === undefined || configured === 'off' ? rule.severity : configured,
          message: problem.message,
          line: problem.line,
          column: problem.column,
          endLine: problem.endLine,
          endColumn: problem.endColumn,
          start: problem.at.start,
          end: problem.at.end,
          url: problem.url ?? docsUrl(rule.id),
        };
        if (!suppressions.get(path)?.suppresses(diagnostic)) byPath.get(path)?.diagnostics.push(diagnostic);
      },
    });
  }
}
