import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Recipe } from '../../src/recipe/recipe.js';
import { embeddedScripts } from '../../src/recipe/scripts.js';
import { cacheKey } from '../../src/shellcheck/cache.js';
import { withBuilderVariables } from '../../src/shellcheck/variables.js';
import { hasShellcheck } from '../shellcheck/available.js';
import { bin, goodRecipe, jsonResults, runCli, tempTree, type CliRun } from './cli.js';

/** A good recipe whose script has one ShellCheck finding of level error: SC2068 on line 20, column 10. */
const withFinding = (id: string) => goodRecipe(id).replace('    soar dl', '    echo $@\n    soar dl');
const FINDING = ['shell/SC2068@20:10'];

/** 420 bytes of nested `$(echo "$(…)")`: ShellCheck runs for minutes on it (over 30 s here for 20 levels). */
const SLOW_SCRIPT = `echo ${'$(echo "$(echo '.repeat(20)}x${')")'.repeat(20)}`;
/** 9 KB of nested `$(…)`: ShellCheck's memory grows by tens of MB a second. */
const GREEDY_SCRIPT = `x=${'$('.repeat(3000)}x${')'.repeat(3000)}`;
const recipeWithScript = (id: string, script: string) => goodRecipe(id).replace('    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes', `    ${script}`);

/** The key span of `run:` in these recipes. */
const RUN_KEY = '19:3';

const trees: string[] = [];
afterAll(() => trees.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/** A tree of recipes, and a TMPDIR of its own: ShellCheck's temp files and processes can then be told apart. */
function setUp(files: Record<string, string>): { directory: string; temp: string } {
  const directory = tempTree(files);
  trees.push(directory);
  const temp = join(directory, '.tmp');
  mkdirSync(temp);
  return { directory, temp };
}

/** Processes whose command line names the run's temp folder: ShellCheck reading its scripts. */
function processesUsing(temp: string): string[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return listing.split('\n').filter((line) => line.includes(temp) && !line.includes(' ps '));
}

const found = (run: CliRun) => Object.fromEntries(jsonResults(run).map((r) => [r.filePath.split('/').at(-1), r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)]));

describe.skipIf(!hasShellcheck)('ShellCheck within bounds', () => {
  it('stops a batch over --shellcheck-timeout, reports the script on its own recipe, and checks its batch-mates again', () => {
    const files: Record<string, string> = { 'slow.yaml': recipeWithScript('slow', SLOW_SCRIPT) };
    for (let index = 0; index < 30; index++) files[`r${index}.yaml`] = withFinding(`r${index}`);
    const { directory, temp } = setUp(files);
    const started = Date.now();
    const run = runCli(['--format', 'json', '--shellcheck-timeout', '2', '.'], { cwd: directory, env: { TMPDIR: temp }, timeoutMs: 90_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    const results = found(run);
    expect(results['slow.yaml']).toEqual([`shell/shellcheck@${RUN_KEY}`]);
    for (let index = 0; index < 30; index++) expect(results[`r${index}.yaml`], `r${index}.yaml`).toEqual(FINDING);
    const slow = jsonResults(run).find((result) => result.filePath.endsWith('slow.yaml'))!.messages[0]!;
    expect(slow).toMatchObject({ severity: 2, message: 'ShellCheck could not check x_exec.run: it ran longer than the 2 s limit (--shellcheck-timeout) and was stopped' });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(readdirSync(temp)).toEqual([]);
    expect(processesUsing(temp)).toEqual([]);
  });

  it('stops a ShellCheck over --shellcheck-memory and says so', () => {
    const { directory, temp } = setUp({ 'greedy.yaml': recipeWithScript('greedy', GREEDY_SCRIPT), 'r.yaml': withFinding('r') });
    const run = runCli(['--format', 'json', '--shellcheck-memory', '120', '--shellcheck-timeout', '60', '.'], { cwd: directory, env: { TMPDIR: temp }, timeoutMs: 90_000 });
    expect(run.code).toBe(1);
    expect(found(run)).toEqual({ 'greedy.yaml': [`shell/shellcheck@${RUN_KEY}`], 'r.yaml': FINDING });
    expect(jsonResults(run)[0]!.messages[0]!.message).toBe('ShellCheck could not check x_exec.run: it needed more than the 120 MB memory limit (--shellcheck-memory) and was stopped');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('kills ShellCheck with its process group when a worker goes over the file time limit, and removes its temp files', () => {
    const { directory, temp } = setUp({ 'slow.yaml': recipeWithScript('slow', SLOW_SCRIPT), 'r.yaml': withFinding('r') });
    const run = runCli(['--format', 'json', '--concurrency', '1', '--timeout', '3', '--shellcheck-timeout', '600', '.'], {
      cwd: directory,
      env: { TMPDIR: temp },
      timeoutMs: 90_000,
    });
    expect(run.code).toBe(1);
    expect(found(run)).toEqual({ 'r.yaml': FINDING, 'slow.yaml': ['engine/timeout@1:1'] });
    expect(processesUsing(temp)).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('kills ShellCheck and removes its temp files when the run gets %s', async (signal) => {
    const { directory, temp } = setUp({ 'slow.yaml': recipeWithScript('slow', SLOW_SCRIPT) });
    const child = spawn(process.execPath, [bin, '--format', 'json', '--shellcheck-timeout', '600', '.'], { cwd: directory, env: { ...process.env, TMPDIR: temp }, stdio: 'ignore' });
    // Wait until ShellCheck runs.
    for (let waited = 0; processesUsing(temp).length === 0 && waited < 20_000; waited += 100) await new Promise((resume) => setTimeout(resume, 100));
    expect(processesUsing(temp)).not.toEqual([]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill(signal);
    expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
    await new Promise((resume) => setTimeout(resume, 200));
    expect(processesUsing(temp)).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('does not trust a forged cache entry committed to the repository', async () => {
    const text = withFinding('r');
    const recipe = new Recipe('r.yaml', text);
    const script = embeddedScripts(recipe).find((embedded) => embedded.field === 'run')!.text;
    await recipe.dispose();
    const version = /^version:\s*(\S+)/m.exec(spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).stdout)![1]!;
    const { directory } = setUp({ 'r.yaml': text });
    // An entry under the script's plain key that says "no findings", and a secret of the attacker's, mode 0644.
    mkdirSync(join(directory, '.fim-lint-cache', 'shellcheck'), { recursive: true });
    const forged = `${cacheKey(version, 'bash', withBuilderVariables(script))} 99999 []\n`;
    for (const format of [2, 3]) writeFileSync(join(directory, '.fim-lint-cache', 'shellcheck', `results-v${format}.txt`), forged);
    writeFileSync(join(directory, '.fim-lint-cache', 'shellcheck.key'), Buffer.alloc(32, 1), { mode: 0o644 });
    const run = runCli(['--format', 'json', '--cache', 'r.yaml'], { cwd: directory });
    expect(run.code).toBe(1);
    expect(found(run)).toEqual({ 'r.yaml': FINDING });
  });
});
