import { readFileSync } from 'node:fs';
import { defaultConfig } from '../core/config.js';
import { describe } from '../core/lint.js';
import { countBySeverity } from '../core/diagnostic.js';
import { lintPaths } from '../core/run.js';
import { FileFixer } from '../fix/fix-files.js';
import { reporters } from '../reporters/index.js';
import { emitValidated } from '../validated/emit.js';
import { helpText, parseCommandLine, UsageError } from './options.js';
import { packageVersion } from './version.js';

export interface Io {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Uint8Array;
  isTTY: boolean;
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
    const format = values.format ?? 'stylish';
    const reporter = reporters[format];
    if (!reporter) throw new UsageError(`unknown format '${format}': expected one of ${Object.keys(reporters).join(', ')}`);

    const targets = paths.length > 0 ? paths : ['.'];
    if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
    if (values.fix && targets.includes('-')) throw new UsageError('--fix cannot rewrite standard input: use --fix-dry-run to see the fixes');
    const fixer = values.fix ? new FileFixer('write') : values['fix-dry-run'] ? new FileFixer('dry-run') : undefined;
    const stdin = targets.includes('-') ? { path: values['stdin-filename'] ?? '<stdin>', bytes: io.readStdin() } : undefined;
    const config = defaultConfig();
    const run = await lintPaths(targets, { config, stdin, afterLint: fixer?.afterLint, keepSource: values['emit-validated'] });
    const problems = [...run.problems.map((problem) => problem.message), ...(fixer?.problems ?? [])];
    if (values['emit-validated']) problems.push(...(await emitValidated(run.results, config, stdin?.path)));

    const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR));
    const report = reporter(run.results, { color, cwd: io.cwd, skipped: run.skipped });
    if (fixer?.mode === 'dry-run') {
      io.stdout(fixer.diffs(run.results.map((result) => result.path)));
      io.stderr(report);
    } else {
      io.stdout(report);
    }
    for (const problem of problems) io.stderr(`fim-lint: ${problem}\n`);
    if (problems.length > 0) return EXIT.failure;
    return countBySeverity(run.results).errors > 0 ? EXIT.errors : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`fim-lint: ${error.message}\nRun 'fim-lint --help' for usage.\n`);
      return EXIT.failure;
    }
    io.stderr(debug && error instanceof Error && error.stack ? `${error.stack}\n` : `fim-lint: internal error: ${describe(error)} (run with --debug for details)\n`);
    return EXIT.failure;
  }
}

export function readStdinSync(): Uint8Array {
  return readFileSync(0);
}
