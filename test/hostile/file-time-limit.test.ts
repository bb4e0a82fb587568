import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasShellcheck } from '../shellcheck/available.js';
import { goodRecipe, jsonResults, runCli, tempTree, type CliRun } from './cli.js';

/**
 * `--timeout` on the main thread: with few files, with `--concurrency off`, with `--fix` and for standard input. A
 * script that keeps ShellCheck busy for minutes is the slow input; ShellCheck's own limit is set far above the file's,
 * so that only the file's time limit can stop it.
 */
const SLOW_SCRIPT = `echo ${'$(echo "$(echo '.repeat(20)}x${')")'.repeat(20)}`;
const withScript = (id: string, script: string) => goodRecipe(id).replace('    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes', `    ${script}`);
const slowRecipe = (id = 'slow') => withScript(id, SLOW_SCRIPT);
/** A good recipe whose script has one ShellCheck finding: SC2068 on line 20, column 10. */
const withFinding = (id: string) => goodRecipe(id).replace('    soar dl', '    echo $@\n    soar dl');
const FINDING = ['shell/SC2068@20:10'];
const TIMEOUT = ['engine/timeout@1:1'];
/** A recipe whose one fixable problem is its missing first line (`#!/SBUILD ver @v1.0.0`). */
const withoutShebang = (text: string) => text.slice(text.indexOf('\n') + 1);

/**
 * The file's limit (ample for a good recipe on a loaded machine), ShellCheck's (far above it: it must not be what stops
 * the slow script), and the whole run's.
 */
const LIMITS = ['--timeout', '10', '--shellcheck-timeout', '200'];
const RUN_TIMEOUT_MS = 180_000;

const trees: string[] = [];
afterAll(() => trees.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/** A tree of recipes with a TMPDIR of its own, where ShellCheck's temp folders go. */
function setUp(files: Record<string, string>): { directory: string; temp: string } {
  const directory = tempTree(files);
  trees.push(directory);
  const temp = join(directory, '.tmp');
  mkdirSync(temp);
  return { directory, temp };
}

function lint(args: string[], directory: string, temp: string, input?: string): CliRun {
  return runCli(['--format', 'json', ...LIMITS, ...args], { cwd: directory, env: { TMPDIR: temp }, timeoutMs: RUN_TIMEOUT_MS, input });
}

/** Processes whose command line names the run's temp folder: ShellCheck reading its scripts. */
function processesUsing(temp: string): string[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return listing.split('\n').filter((line) => line.includes(temp) && !line.includes(' ps '));
}

const found = (run: CliRun) => Object.fromEntries(jsonResults(run).map((r) => [r.filePath.split('/').at(-1), r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)]));

function expectNothingLeft(temp: string): void {
  expect(processesUsing(temp)).toEqual([]);
  expect(readdirSync(temp)).toEqual([]);
}

describe.skipIf(!hasShellcheck)('the file time limit on the main thread', () => {
  it.each([['auto'], ['off']])('stops the slow file with --concurrency %s and few files, and lints the others', (concurrency) => {
    const { directory, temp } = setUp({ 'slow.yaml': slowRecipe(), 'r1.yaml': withFinding('r1'), 'r2.yaml': goodRecipe('r2') });
    const run = lint(['--concurrency', concurrency, '.'], directory, temp);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(found(run)).toEqual({ 'r1.yaml': FINDING, 'r2.yaml': [], 'slow.yaml': TIMEOUT });
    expect(jsonResults(run).find((result) => result.filePath.endsWith('slow.yaml'))!.messages[0]!.message).toBe(
      'Linting this file took longer than the 10 s time limit and was stopped; no other check ran',
    );
    expectNothingLeft(temp);
  });

  it('stops a file over the limit under --fix without writing it, and fixes the others', () => {
    const slow = withoutShebang(slowRecipe());
    const fixable = withoutShebang(goodRecipe('r'));
    const { directory, temp } = setUp({ 'slow.yaml': slow, 'r.yaml': fixable });
    const run = lint(['--fix', '.'], directory, temp);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(found(run)).toEqual({ 'r.yaml': [], 'slow.yaml': TIMEOUT });
    expect(readFileSync(join(directory, 'slow.yaml'), 'utf8')).toBe(slow);
    expect(readFileSync(join(directory, 'r.yaml'), 'utf8')).toBe(goodRecipe('r'));
    expect(readdirSync(directory).sort()).toEqual(['.tmp', 'r.yaml', 'slow.yaml']);
    expectNothingLeft(temp);
  });

  it('stops a recipe read from standard input', () => {
    const { directory, temp } = setUp({});
    const run = lint(['--stdin-filename', 'piped.yaml', '-'], directory, temp, slowRecipe());
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(found(run)).toEqual({ 'piped.yaml': TIMEOUT });
    expectNothingLeft(temp);
  });
});
