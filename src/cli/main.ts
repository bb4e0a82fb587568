import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultConfig, type Config } from '../core/config.js';
import { describe } from '../core/lint.js';
import { countBySeverity } from '../core/diagnostic.js';
import { lintPaths } from '../core/run.js';
import { reporters } from '../reporters/index.js';
import { helpText, parseCommandLine, UsageError, type CliValues } from './options.js';
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
    const stdin = targets.includes('-') ? { path: values['stdin-filename'] ?? '<stdin>', bytes: io.readStdin() } : undefined;
    const run = await lintPaths(targets, { config: configFromOptions(values, io.cwd), stdin });

    const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR));
    io.stdout(reporter(run.results, { color, cwd: io.cwd, skipped: run.skipped }));
    for (const notice of run.notices) io.stderr(`fim-lint: ${notice}\n`);
    for (const problem of run.problems) io.stderr(`fim-lint: ${problem.message}\n`);
    if (run.problems.length > 0) return EXIT.failure;
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

/** The default configuration with the command line's settings applied. */
function configFromOptions(values: CliValues, cwd: string): Config {
  const config = defaultConfig();
  const shellcheck = config.settings.shellcheck;
  if (values['no-shellcheck']) shellcheck.enabled = false;
  if (values.shellcheck !== undefined) shellcheck.path = values.shellcheck.includes('/') ? resolve(cwd, values.shellcheck) : values.shellcheck;
  if (values.cache) shellcheck.cache = true;
  shellcheck.cacheLocation = resolve(cwd, values['cache-location'] ?? shellcheck.cacheLocation);
  return config;
}

export function readStdinSync(): Uint8Array {
  return readFileSync(0);
}
