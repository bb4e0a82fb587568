import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { discoverTargets, looksLikeRecipe, type DiscoveryProblem, type Target } from '../files/discover.js';
import type { Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { describe, lintBytes } from './lint.js';
import { loadRules } from './registry.js';
import { ruleSetting } from './config.js';
import { docsUrl, type Rule } from './rule.js';

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
}

/** Lints every recipe named by `paths`, then runs the checks that span files. */
export async function lintPaths(paths: readonly string[], options: RunOptions): Promise<RunSummary> {
  const rules = await loadRules();
  const summary: RunSummary = { results: [], skipped: 0, problems: [] };
  const collected = new Map<string, { path: string; data: unknown }[]>();

  const lintOne = async (path: string, bytes: Uint8Array) => {
    const outcome = await lintBytes(path, bytes, { config: options.config, rules, keepSource: options.keepSource });
    summary.results.push(outcome.result);
    for (const [ruleId, data] of Object.entries(outcome.collected)) {
      const entries = collected.get(ruleId) ?? [];
      entries.push({ path, data });
      collected.set(ruleId, entries);
    }
  };

  const fileTargets = paths.filter((path) => path !== '-');
  if (paths.includes('-') && options.stdin) await lintOne(options.stdin.path, options.stdin.bytes);
  for await (const target of discoverTargets(fileTargets, summary.problems)) {
    const bytes = await readTarget(target, summary.problems);
    if (bytes === undefined) continue;
    if (!target.explicit && !looksLikeRecipe(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) {
      summary.skipped++;
      continue;
    }
    await lintOne(target.path, bytes);
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
