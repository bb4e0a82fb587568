import { releaseProblem } from '../sbuild/builder-release.js';
import { resolve } from 'node:path';
import { ConfigError } from '../config/load.js';
import { ConfigResolver } from '../config/resolver.js';
import { StatMemo } from '../cache/stat-memo.js';
import { cacheLocationObstacle, unusableCacheNotice } from '../cache/location.js';
import type { Config } from '../core/config.js';
import { countBySeverity, type FileResult } from '../core/diagnostic.js';
import { describe } from '../core/lint.js';
import { loadRules } from '../core/registry.js';
import { lintPaths } from '../core/run.js';
import { UNUSED_DISABLE } from '../core/suppressions.js';
import type { FixMode } from '../fix/fix-files.js';
import { listRules, parseRuleOptions, printConfig } from './introspect.js';
import { helpText, parseColumnUnit, parseCommandLine, parseConcurrency, parseTimeout, UsageError, type CliValues } from './options.js';
import { inPieces, planOutputs, ReportFileError, writeOutput } from './outputs.js';
import { terminalFor } from './terminal.js';
import { packageVersion } from './version.js';
import { visible } from '../reporters/escape.js';
import { reportWithoutCommands, withoutCommands } from '../reporters/workflow-commands.js';

export interface Io {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** May return a promise that settles once the text is handed on: a long report then waits for its reader. */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void | Promise<void>;
  /** Standard input, whole; rejects with a `UsageError` past `MAX_STDIN_BYTES`. */
  readStdin: () => Uint8Array | Promise<Uint8Array>;
  isTTY: boolean;
  /** The terminal's columns when standard output is one. */
  columns?: number | undefined;
}

export const EXIT = { ok: 0, errors: 1, failure: 2 } as const;

/** Runs the command line and returns the exit code. Never throws. */
export async function main(io: Io): Promise<number> {
  let debug = io.argv.includes('--debug');
  try {
    const { values, paths } = parseCommandLine(io.argv);
    debug = values.debug ?? false;
    if (values.help) {
      io.stdout(helpText());
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    const rules = await loadRules();
    if (values['list-rules']) {
      io.stdout(listRules(rules));
      return EXIT.ok;
    }
    const knownRuleIds = new Set(rules.map((rule) => rule.id));
    const ruleOverrides = parseRuleOptions(values.rule ?? [], knownRuleIds);
    if (values['report-unused-disable-directives']) ruleOverrides[UNUSED_DISABLE] = 'error';
    const cacheNotices = new Set<string>();
    const cacheLocation = usableCacheLocation(values.cache ? resolve(io.cwd, values['cache-location'] ?? '.fim-lint-cache') : undefined, values, io.cwd, cacheNotices);
    const statMemo = cacheLocation === undefined ? undefined : new StatMemo(cacheLocation);
    const resolver = new ConfigResolver({ cwd: io.cwd, configPath: values.config, ruleOverrides, statMemo });
    if (values['print-config'] !== undefined) {
      io.stdout(withoutCommands(printConfig(values['print-config'], await resolver.resolve(values['print-config']), rules), 'json'));
      return EXIT.ok;
    }
    const outputs = await planOutputs(values.format, values['output-file'], io.env);
    const maxWarnings = parseMaxWarnings(values);
    const columnUnit = parseColumnUnit(values['column-unit']);
    // gcc columns in bytes or cells are counted on the text of the line.
    const columnsNeedSource = columnUnit !== 'utf-16' && outputs.some((output) => output.format === 'gcc');

    const targets = paths.length > 0 ? paths : ['.'];
    if (values.target !== undefined && releaseProblem(values.target)) throw new UsageError(`--target ${releaseProblem(values.target)!}`);
    if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
    if (values.fix && targets.includes('-')) throw new UsageError('--fix cannot rewrite standard input: use --fix-dry-run to see the fixes');
    const unsafeFixes = values['unsafe-fixes'] ?? false;
    if (unsafeFixes && !values.fix && !values['fix-dry-run'] && !values['emit-validated']) {
      throw new UsageError('--unsafe-fixes goes with --fix, --fix-dry-run or --emit-validated');
    }
    const fixer = values.fix ? await fileFixer('write', targets, unsafeFixes) : values['fix-dry-run'] ? await fileFixer('dry-run', targets, unsafeFixes) : undefined;
    const stdin = targets.includes('-') ? { path: values['stdin-filename'] ?? '<stdin>', bytes: await io.readStdin() } : undefined;
    // Checked once here: a wrong value is a usage error before anything runs.
    parseTimeout(values['shellcheck-timeout'], '--shellcheck-timeout');
    parseTimeout(values['shellcheck-memory'], '--shellcheck-memory', 'megabytes');
    const codeFrame = values['code-frame'] ?? false;
    const withSettings = new WeakSet<Config>();
    const run = await lintPaths(targets, {
      configFor: async (path) => {
        const resolved = await resolver.configFor(path);
        // Files of a folder share one configuration object: it is set once.
        if (!withSettings.has(resolved.config)) {
          withCommandLineSettings(resolved, values, io.cwd, io.env, cacheNotices);
          withSettings.add(resolved.config);
        }
        return resolved;
      },
      keepSource: codeFrame || values['emit-validated'] || columnsNeedSource,
      skipNonRecipes: values['skip-non-recipes'] ?? false,
      crossFileContext: values['cross-file-context'],
      stdin,
      afterLint: fixer?.afterLint,
      concurrency: parseConcurrency(values.concurrency),
      timeLimitSeconds: parseTimeout(values.timeout),
      resultCache: cacheLocation,
      statMemo,
    });
    statMemo?.flush();
    const problems = [...run.problems.map((problem) => problem.message), ...(fixer?.problems ?? [])];
    const notices = [...cacheNotices, ...run.notices, ...(fixer?.notices ?? [])];
    if (values['emit-validated']) {
      const { emitValidated } = await import('../validated/emit.js');
      const emitted = await emitValidated(run.results, async (path) => (await resolver.resolve(path)).config, { stdinPath: stdin?.path, roots: targets, unsafeFixes });
      problems.push(...emitted.problems);
      notices.push(...emitted.notices);
    }
    const results = values.quiet ? errorsOnly(run.results) : run.results;

    const colorFlag = values['no-color'] ? false : values.color;
    const terminal = terminalFor({ env: io.env, isTTY: io.isTTY, columns: io.columns, colorFlag });
    const inFile = terminalFor({ env: io.env, isTTY: false, colorFlag: false });
    // With --fix-dry-run the diff owns standard output, and the report that would go there goes to standard error.
    if (fixer?.mode === 'dry-run') io.stdout(withoutCommands(fixer.diffs(run.results.map((result) => result.path))));
    const toTerminal = fixer?.mode === 'dry-run' ? io.stderr : io.stdout;
    for (const output of outputs) {
      const { color, hyperlinks, width } = output.file === undefined ? terminal : inFile;
      const context = { color, hyperlinks, width, columnUnit, cwd: io.cwd, skipped: run.skipped, ignored: run.ignored, rules, codeFrame };
      const report = reportWithoutCommands(output.format, output.reporter(results, context));
      if (output.file === undefined) for (const piece of inPieces(report)) await toTerminal(piece);
      else {
        await writeOutput(io.cwd, output.file, report).catch((error: unknown) => {
          if (!(error instanceof ReportFileError)) throw error;
          problems.push(error.message);
        });
      }
    }
    for (const notice of notices) say(io, notice);
    for (const problem of problems) say(io, problem);
    if (problems.length > 0) return EXIT.failure;
    const counts = countBySeverity(results);
    if (counts.errors > 0) return EXIT.errors;
    if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
      say(io, `${counts.warnings} warnings found, more than --max-warnings ${maxWarnings}`);
      return EXIT.errors;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      say(io, error.message);
      io.stderr("Run 'fim-lint --help' for usage.\n");
      return EXIT.failure;
    }
    if (error instanceof ConfigError) {
      say(io, error.message);
      return EXIT.failure;
    }
    if (debug && error instanceof Error && error.stack) io.stderr(withoutCommands(`${error.stack.split('\n').map(visible).join('\n')}\n`));
    else say(io, `internal error: ${describe(error)} (run with --debug for details)`);
    return EXIT.failure;
  }
}

/**
 * One line on standard error. Its text may hold file names, keys and values: a line break in one must not start a line
 * that a CI runner reads as a command (`::error::`), nor an escape sequence reach the terminal.
 */
function say(io: Io, text: string): void {
  void io.stderr(withoutCommands(`fim-lint: ${visible(text)}\n`));
}

/** Fixing is loaded only by the runs that fix. */
async function fileFixer(mode: FixMode, roots: readonly string[], unsafeFixes: boolean) {
  const { FileFixer } = await import('../fix/fix-files.js');
  return new FileFixer(mode, roots, { unsafeFixes });
}

function parseMaxWarnings(values: CliValues): number | undefined {
  const value = values['max-warnings'];
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings ${value}: expected a whole number`);
  return Number(value);
}

/** `--quiet`: only errors are reported and counted. */
function errorsOnly(results: readonly FileResult[]): FileResult[] {
  return results.map((result) => ({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') }));
}

/** The ShellCheck options of the command line, applied over the file's configuration. */
function withCommandLineSettings<T extends { config: Config }>(resolved: T, values: CliValues, cwd: string, env: NodeJS.ProcessEnv, cacheNotices: Set<string>): T {
  if (values.target !== undefined) resolved.config.settings.target = values.target;
  const shellcheck = resolved.config.settings.shellcheck;
  if (values['no-shellcheck']) shellcheck.enabled = false;
  // Only the person running fim-lint chooses the program: a configuration file cannot (see config/load.ts).
  const executable = values.shellcheck ?? (env.FIM_LINT_SHELLCHECK || undefined);
  if (executable !== undefined) shellcheck.path = executable.includes('/') ? resolve(cwd, executable) : executable;
  if (values.cache) shellcheck.cache = true;
  shellcheck.timeoutSeconds = parseTimeout(values['shellcheck-timeout'], '--shellcheck-timeout') ?? shellcheck.timeoutSeconds;
  shellcheck.memoryMb = parseTimeout(values['shellcheck-memory'], '--shellcheck-memory', 'megabytes') ?? shellcheck.memoryMb;
  shellcheck.cacheLocation = resolve(cwd, values['cache-location'] ?? shellcheck.cacheLocation);
  if (shellcheck.cache && usableCacheLocation(shellcheck.cacheLocation, values, cwd, cacheNotices) === undefined) shellcheck.cache = false;
  return resolved;
}

/** A cache location, or undefined when writing it would go through a symbolic link or a file (and the run says so). */
function usableCacheLocation(location: string | undefined, values: CliValues, cwd: string, cacheNotices: Set<string>): string | undefined {
  if (location === undefined) return undefined;
  const obstacle = cacheLocationObstacle(location, cwd, values['cache-location'] !== undefined);
  if (obstacle === undefined) return location;
  cacheNotices.add(unusableCacheNotice(location, obstacle, cwd));
  return undefined;
}

/** The most a recipe read from standard input may hold: far beyond any real recipe, short of exhausting memory. */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/**
 * Reads standard input as a stream, as it arrives: a pipe whose writer is slow to start (or a non-blocking one)
 * is waited for, and reading stops past `limit` bytes (`fim-lint - < /dev/zero` ends).
 */
export async function readStdin(input: NodeJS.ReadableStream = process.stdin, limit = MAX_STDIN_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > limit) {
      (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new UsageError(`standard input holds more than ${limit / 1024 / 1024} MB, far more than a recipe may hold (4 MB)`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
