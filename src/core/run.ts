import { toDiagnostic } from './report.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { contentDigest, FileResultCache, type ResultKeyParts } from '../cache/file-results.js';
import type { StatMemo } from '../cache/stat-memo.js';
import { closeLaunchers } from '../shellcheck/runner.js';
import { shellcheckService } from '../shellcheck/service.js';
import { discoverTargets, type DiscoveryProblem, type Target } from '../files/discover.js';
import { defaultConfig, isRuleEnabled, ruleSetting, type Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { DEFAULT_TIME_LIMIT_SECONDS } from './limits.js';
import { LintPool, workerScript } from './pool.js';
import { filesInFlight } from './files-in-flight.js';
import { loadRules } from './registry.js';
import { decodeRecipeBytes } from '../recipe/decode.js';
import { docsUrl, type ProjectContext, type Rule } from './rule.js';
import type { Suppressions } from './suppressions.js';
import { restoreSuppressions, type TargetOutcome } from './outcome.js';
import { isTimedOut, lintFile, lintTarget, type TargetOptions } from './target.js';
import { getOrMake } from './get-or-make.js';

export type { LintedFile } from './target.js';

/**
 * From this many files on, `concurrency: 'auto'` lints on worker threads. Each worker loads the rules, compiles the
 * schema and warms up its own JIT: on 2 cores the workers were still slower at 256 files (`npm run bench`).
 */
export const POOL_THRESHOLD = 512;

/** A file's configuration; an ignored file is not linted. */
export interface FileConfig {
  config: Config;
  ignored: boolean;
}

export interface RunOptions extends Pick<TargetOptions, 'afterLint' | 'skipNonRecipes'> {
  /** The configuration of every file, unless `configFor` is given. */
  config?: Config;
  /** Resolves the configuration of each file (config files found from its folder upward, overrides, ignores). */
  configFor?: (path: string) => Promise<FileConfig>;
  keepSource?: boolean;
  /** Text read from standard input, linted under `stdinPath`, when the path `-` was given. */
  stdin?: { path: string; bytes: Uint8Array };
  /**
   * Worker threads: `auto` (the default) uses one per core when there are at least `POOL_THRESHOLD` files, `off`
   * lints on the main thread, a number always uses that many workers. `afterLint` (fixing) needs the main thread.
   */
  concurrency?: number | 'auto' | 'off';
  /** Per-file time limit (default `DEFAULT_TIME_LIMIT_SECONDS`), fixing included; a file over it gets `engine/timeout`. */
  timeLimitSeconds?: number;
  /**
   * Folders whose recipes count for the checks across files (duplicate `pkg_id`) even where the run does not lint
   * them; their own problems are not reported. A hook that sees its files in several batches still compares each
   * batch with the whole repository.
   */
  crossFileContext?: readonly string[];
  /**
   * The cache folder (`--cache`): a file whose bytes, configuration and tools are unchanged since a run that linted it
   * gets that run's results without being parsed. Not used when fixing.
   */
  resultCache?: string;
  /**
   * With `resultCache`: the digests of files' bytes remembered for their stats, so that an unchanged file is not read.
   * The caller owns it (the configuration lookup shares it) and flushes it.
   */
  statMemo?: StatMemo;
}

/** A file to lint, with the cache key its results will be kept under. */
interface Work {
  index: number;
  target: Target;
  config: Config;
  cacheEntry?: CacheEntryName;
}

/** What a file's results are kept under: the key, and what it was made of besides the bytes. */
interface CacheEntryName {
  key: string;
  parts: ResultKeyParts;
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
  const summary: RunSummary = { results: [], skipped: 0, ignored: 0, problems: [], notices: [] };
  const everyFile: FileConfig = { config: options.config ?? defaultConfig(), ignored: false };
  const configFor = options.configFor ?? (async () => everyFile);
  const cache = options.resultCache !== undefined && !options.afterLint ? new FileResultCache(options.resultCache) : undefined;
  // The cache's files are read on the thread pool while the first files are found.
  const cacheLoaded = cache && Promise.all([cache.load(), options.statMemo?.load()]);
  const targets = discoverTargets(
    paths.filter((path) => path !== '-'),
    summary.problems,
    { stamps: options.statMemo !== undefined && cache !== undefined },
  );
  const firstTargets = take(targets, POOL_THRESHOLD);
  await cacheLoaded;
  // Without a cache the workers start at once, to warm up while the rules load; with one, only the misses count.
  let pool = cache ? undefined : startPool(firstTargets.length, options);
  const rules = await loadRules();
  // On the main thread the time limit is a deadline checked between rules and while waiting on ShellCheck, rather than
  // a worker that can be stopped anywhere: starting one worker took a one-file run with ShellCheck from 3.1 to 5.5
  // times `node -e 0` (goal 4), and the rules are linear in the size of a recipe, so the waits are what can run long.
  const timeLimitMs = (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000;
  const lintOptions = (config: Config): TargetOptions => ({ ...options, config, rules, timeLimitMs });

  // Files in one folder share a configuration: one object each, kept for the checks across files.
  const sharedConfigs = new Map<string, Config>();
  const configs = new Map<string, Config>();
  const configTexts = new WeakMap<Config, string>();
  const configText = (config: Config): string => {
    let text = configTexts.get(config);
    if (text === undefined) configTexts.set(config, (text = JSON.stringify(config)));
    return text;
  };
  const configOf = async (path: string): Promise<Config | undefined> => {
    const { config, ignored } = await configFor(path);
    if (ignored) {
      summary.ignored++;
      return undefined;
    }
    const key = configText(config);
    const shared = sharedConfigs.get(key) ?? config;
    sharedConfigs.set(key, shared);
    configs.set(path, shared);
    return shared;
  };

  // Only small results are kept: parsed recipes and their text are dropped as soon as each file is done.
  const outcomes: TargetOutcome[] = [];
  /** A file to lint, or undefined when it is ignored or its results came from the cache. */
  const prepare = async (index: number, target: Target): Promise<Work | undefined> => {
    const config = await configOf(target.path);
    if (!config) return undefined;
    if (!cache) return { index, target, config };
    const lookup = await lookUp(cache, target, config, configText(config), options);
    if (lookup.hit) {
      outcomes[index] = lookup.hit;
      return undefined;
    }
    return { index, target, config, cacheEntry: lookup.entry };
  };
  // Several files are in flight at once: reads overlap with linting, and rules waiting on external tools
  // (ShellCheck) can batch their work across files.
  const inFlight = new Set<Promise<void>>();
  const sharing = new SharedTime();
  /** Files that went over the time limit while other files were linted alongside: each is linted again alone. */
  const retries: { index: number; task: () => Promise<TargetOutcome> }[] = [];
  const schedule = async (index: number, config: Config, task: () => Promise<TargetOutcome>) => {
    const running = (pool ? task().then((outcome) => ({ outcome, shared: false })) : sharing.run(task))
      .then(({ outcome, shared }) => {
        if (shared && isTimedOut(outcome)) retries.push({ index, task });
        else outcomes[index] = outcome;
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
    const limit = (pool?.size ?? 1) * filesInFlight(config);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  };
  const lint = async ({ index, target, config, cacheEntry }: Work) => {
    await schedule(index, config, async () => {
      const outcome = await (pool ? pool.lint(target, config) : lintTarget(target, lintOptions(config)));
      if (cache && cacheEntry && outcome.kind === 'linted') keepInCache(cache, cacheEntry, target.path, outcome);
      return outcome;
    });
  };

  try {
    let index = 0;
    if (paths.includes('-') && options.stdin) {
      const { path, bytes } = options.stdin;
      const config = await configOf(path);
      if (config) await schedule(index++, config, () => lintFile(path, bytes, lintOptions(config), true));
    }
    const firstWork: Work[] = [];
    for (const target of firstTargets) {
      const work = await prepare(index++, target);
      if (work) firstWork.push(work);
    }
    if (cache) pool = startPool(firstWork.length, options);
    for (const work of firstWork) await lint(work);
    for (const target of targets) {
      const work = await prepare(index++, target);
      if (work) await lint(work);
    }
    await Promise.all(inFlight);
    // Files linted at once share the time (and ShellCheck batches): the one that is slow on its own is found alone.
    for (const { index, task } of retries) outcomes[index] = await task();
  } finally {
    await pool?.close();
    await closeLaunchers();
    cache?.flush();
  }

  const collected = new Map<string, { path: string; data: unknown }[]>();
  const suppressions = new Map<string, Suppressions | undefined>();
  const notices = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome?.kind === 'skipped') summary.skipped++;
    if (outcome?.kind === 'unreadable') summary.problems.push({ path: outcome.path, message: outcome.message });
    if (outcome?.kind !== 'linted') continue;
    summary.results.push(outcome.result);
    for (const notice of outcome.notices ?? []) notices.add(notice);
    suppressions.set(outcome.result.path, restoreSuppressions(outcome.suppressions));
    for (const [ruleId, data] of Object.entries(outcome.collected)) {
      const entries = collected.get(ruleId) ?? [];
      entries.push({ path: outcome.result.path, data });
      collected.set(ruleId, entries);
    }
  }

  summary.notices = [...notices];
  if (options.crossFileContext?.length) {
    const linted = new Set(summary.results.map((result) => resolve(result.path)));
    await collectFromContext(options.crossFileContext, linted, rules, configFor, options, collected);
  }
  runProjectChecks(rules, collected, summary.results, configs, suppressions);
  return summary;
}

/** What the rules with checks across files collect from the recipes of `folders` that were not linted. */
async function collectFromContext(
  folders: readonly string[],
  linted: ReadonlySet<string>,
  rules: readonly Rule[],
  configFor: (path: string) => Promise<FileConfig>,
  options: RunOptions,
  collected: Map<string, { path: string; data: unknown }[]>,
): Promise<void> {
  const collecting = rules.filter((rule) => rule.collect && rule.checkProject);
  if (collecting.length === 0) return;
  for (const target of discoverTargets(folders, [])) {
    if (linted.has(resolve(target.path))) continue;
    const { config, ignored } = await configFor(target.path);
    if (ignored) continue;
    const outcome = await lintTarget({ ...target, explicit: false }, { ...options, config, rules: collecting, keepSource: false });
    if (outcome.kind !== 'linted') continue;
    for (const rule of collecting) {
      if (!(rule.id in outcome.collected) || !isRuleEnabled(config, rule)) continue;
      const entries = collected.get(rule.id) ?? [];
      entries.push({ path: target.path, data: outcome.collected[rule.id] });
      collected.set(rule.id, entries);
    }
  }
}

/** The cached results of a file, or the key to keep its results under. An unreadable file is left to `lintTarget`. */
async function lookUp(
  cache: FileResultCache,
  target: Target,
  config: Config,
  configText: string,
  options: RunOptions,
): Promise<{ hit?: TargetOutcome; entry?: CacheEntryName }> {
  // The source shown with the findings must be the bytes they are of: read, not remembered.
  const content = readContent(target, options.keepSource ? undefined : options.statMemo);
  if (!content) return {};
  const shellcheck = await shellcheckKeyPart(config, options.statMemo);
  const onlyIfRecipe = !target.explicit || (options.skipNonRecipes ?? false);
  const parts = { path: target.path, configText, shellcheck, onlyIfRecipe };
  const key = cache.key(parts, content.digest);
  const hit = await cache.get(key);
  if (!hit) return { entry: { key, parts } };
  const result = { ...hit.result, path: target.path };
  if (options.keepSource && content.bytes) result.source = decodeRecipeBytes(content.bytes).text;
  return { hit: { ...hit, result } };
}

/** What `StatMemo` remembers a file's digest under, with its path. */
export const FILE_DIGEST = 'sha256 of file:';

/**
 * The digest of a file's bytes: remembered for the stat discovery took, or read (and then remembered, if the stat is
 * settled). Undefined when the file cannot be read.
 */
function readContent(target: Target, memo: StatMemo | undefined): { digest: string; bytes?: Uint8Array } | undefined {
  const subject = FILE_DIGEST + target.path;
  const remembered = target.stamp === undefined ? undefined : memo?.recall(subject, target.stamp)?.[0];
  if (remembered !== undefined) return { digest: remembered };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target.path);
  } catch {
    return undefined;
  }
  const digest = contentDigest(bytes);
  if (target.stamp !== undefined) memo?.remember(subject, target.stamp, [digest]);
  return { digest, bytes };
}

const shellcheckKeyParts = new WeakMap<Config, Promise<string>>();

/** ShellCheck's part of a cache key: files of a folder share their configuration, so it is worked out once for them. */
function shellcheckKeyPart(config: Config, memo: StatMemo | undefined): Promise<string> {
  return getOrMake(shellcheckKeyParts, config, () => {
    const { shellcheck } = config.settings;
    return shellcheck.enabled ? shellcheckService(shellcheck).version(memo).then((version) => version ?? 'missing') : Promise.resolve('off');
  });
}

/** Keeps a file's results, unless the file changed while it was linted (the results may then be of other bytes). */
function keepInCache(cache: FileResultCache, { key, parts }: CacheEntryName, path: string, outcome: Extract<TargetOutcome, { kind: 'linted' }>): void {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return;
  }
  const { source: _source, ...result } = outcome.result;
  if (cache.key(parts, contentDigest(bytes)) === key) cache.set(key, { ...outcome, result });
}

function startPool(knownFiles: number, options: RunOptions): LintPool | undefined {
  const { concurrency = 'auto' } = options;
  if (concurrency === 'off' || concurrency === 0 || knownFiles === 0 || options.afterLint) return undefined;
  if (concurrency === 'auto' && knownFiles < POOL_THRESHOLD) return undefined;
  const script = workerScript();
  if (!script) return undefined;
  const size = Math.max(1, Math.min(concurrency === 'auto' ? availableParallelism() : concurrency, knownFiles));
  return new LintPool(script, {
    size,
    timeLimitMs: (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000,
    setup: { keepSource: options.keepSource ?? false, skipNonRecipes: options.skipNonRecipes ?? false, workers: size },
  });
}

/** Runs tasks, telling for each whether another task ran at some point while it did. */
class SharedTime {
  readonly #running = new Set<{ shared: boolean }>();

  async run<T>(task: () => Promise<T>): Promise<{ outcome: T; shared: boolean }> {
    const own = { shared: this.#running.size > 0 };
    for (const other of this.#running) other.shared = true;
    this.#running.add(own);
    try {
      return { outcome: await task(), shared: own.shared };
    } finally {
      this.#running.delete(own);
    }
  }
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
  configs: ReadonlyMap<string, Config>,
  suppressions: ReadonlyMap<string, Suppressions | undefined>,
): void {
  const byPath = new Map(results.map((result) => [result.path, result]));
  // Each file's own findings come sorted: only those that gain one here are sorted again.
  const gained = new Set<FileResult>();
  for (const rule of rules) {
    const entries = collected.get(rule.id);
    if (!rule.checkProject || !entries) continue;
    rule.checkProject({
      entries,
      report(path, problem) {
        const config = configs.get(path);
        if (!config || !isRuleEnabled(config, rule)) return;
        const diagnostic = toDiagnostic(rule, problem, config);
        const result = byPath.get(path);
        if (!diagnostic || !result || suppressions.get(path)?.suppresses(diagnostic)) return;
        result.diagnostics.push(diagnostic);
        gained.add(result);
      },
    });
  }
  for (const result of gained) result.diagnostics.sort(compareDiagnostics);
}
