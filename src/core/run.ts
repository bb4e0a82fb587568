import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { discoverTargets, looksLikeRecipe, type DiscoveryProblem, type Target } from '../files/discover.js';
import type { Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { describe, lintBytes, type LintOutcome } from './lint.js';
import { loadRules } from './registry.js';
import { ruleSetting } from './config.js';
import { docsUrl, type Rule } from './rule.js';

/** How many files may be between reading and reporting at once. */
const FILES_IN_FLIGHT = 32;

export interface RunOptions {
  config: Config;
  keepSource?: boolean;
  /** Text read from standard input, linted under `stdinPath`, when the path `-` was given. */
  stdin?: { path: string; bytes: Uint8Array };
}

export interface RunSummary {
  results: FileResult[];
  /** Walked files skipped because they are plainly not recipes. */
  skipped: number;
  /** Paths that could not be read: the run ends with exit code 2. */
  problems: DiscoveryProblem[];
  /** What rules had to say about the run itself (e.g. ShellCheck is missing), each once. */
  notices: string[];
}

/** Lints every recipe named by `paths`, then runs the checks that span files. */
export async function lintPaths(paths: readonly string[], options: RunOptions): Promise<RunSummary> {
  const rules = await loadRules();
  const summary: RunSummary = { results: [], skipped: 0, problems: [], notices: [] };
  const notices = new Set<string>();

  const outcomes: (LintOutcome | undefined)[] = [];
  const lintOne = async (index: number, path: string, bytes: Uint8Array) => {
    outcomes[index] = await lintBytes(path, bytes, { config: options.config, rules, keepSource: options.keepSource, notices });
  };

  // Files are linted with several in flight so that rules waiting on external tools (ShellCheck) can batch their work
  // across files; parsing and the rules themselves still run one at a time on this thread.
  const inFlight = new Set<Promise<void>>();
  const schedule = async (index: number, path: string, bytes: Uint8Array) => {
    const task = lintOne(index, path, bytes).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= FILES_IN_FLIGHT) await Promise.race(inFlight);
  };

  let index = 0;
  if (paths.includes('-') && options.stdin) await schedule(index++, options.stdin.path, options.stdin.bytes);
  const fileTargets = paths.filter((path) => path !== '-');
  for await (const target of discoverTargets(fileTargets, summary.problems)) {
    const bytes = await readTarget(target, summary.problems);
    if (bytes === undefined) continue;
    if (!target.explicit && !looksLikeRecipe(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) {
      summary.skipped++;
      continue;
    }
    await schedule(index++, target.path, bytes);
  }
  await Promise.all(inFlight);
  summary.notices = [...notices];

  const collected = new Map<string, { path: string; data: unknown }[]>();
  for (const outcome of outcomes) {
    if (!outcome) continue;
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

async function readTarget(target: Target, problems: DiscoveryProblem[]): Promise<Uint8Array | undefined> {
  let handle;
  try {
    // O_NONBLOCK keeps a FIFO or device from blocking the open; only regular files are read.
    handle = await open(target.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) {
      problems.push({ path: target.path, message: `${target.path} is not a regular file` });
      return undefined;
    }
    return await handle.readFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : describe(error);
    problems.push({ path: target.path, message: `cannot read ${target.path}: ${reason}` });
    return undefined;
  } finally {
    await handle?.close();
  }
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
