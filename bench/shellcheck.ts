/**
 * ShellCheck on the corpus, in one run: (a) one ShellCheck process per script, as other tools do it, against
 * (b) fim-lint with ShellCheck and a cold cache and (c) fim-lint again with the cache warm (that run folds the cold
 * run's journals into the results file; a further run, also shown, only reads it). The scripts and flags of (a) are
 * exactly what fim-lint hands ShellCheck. Run with `npm run bench:shellcheck`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Recipe } from '../src/recipe/recipe.js';
import { embeddedScripts } from '../src/recipe/scripts.js';
import { scriptDialect } from '../src/shell/dialect.js';
import { withBuilderVariables } from '../src/shellcheck/variables.js';
import { shellcheckArgs, writeShellCheckBatches } from './shellcheck-batches.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = process.argv[2] ?? join(root, '../shared/corpus/soarpkgs-2025-11');
const bin = join(root, 'dist/src/bin.js');

function corpusFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? corpusFiles(path) : entry.name === 'LICENSE' ? [] : [path];
  });
}

/** Wall-clock seconds and the CPU seconds of the child processes waited for since `start`. */
interface Measured {
  wall: number;
  cpu: number;
}

function startClock(): { wall: bigint; cpu: number } {
  return { wall: process.hrtime.bigint(), cpu: childrenCpu() };
}

function stopClock(start: { wall: bigint; cpu: number }): Measured {
  return { wall: Number(process.hrtime.bigint() - start.wall) / 1e9, cpu: childrenCpu() - start.cpu };
}

/**
 * User and system time of the finished child processes (Linux `/proc/self/stat`, in clock ticks of 1/100 s): unlike
 * wall-clock time it does not depend on what else the machine is doing. NaN elsewhere.
 */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The files of the cache and their total size. */
function cacheSize(location: string): string {
  const directory = join(location, 'shellcheck');
  const names = readdirSync(directory);
  const bytes = names.reduce((sum, name) => sum + statSync(join(directory, name)).size, 0);
  return `${names.length} file${names.length === 1 ? '' : 's'}, ${(bytes / 1024).toFixed(0)} KiB`;
}

const show = (label: string, measured: Measured, extra = '') =>
  console.log(`${label.padEnd(56)} ${measured.wall.toFixed(2).padStart(7)} s wall ${measured.cpu.toFixed(2).padStart(7)} s CPU${extra}`);

function shellcheck(args: string[]): Promise<void> {
  return new Promise((resolve) => execFile('shellcheck', args, { maxBuffer: 64 * 1024 * 1024 }, () => resolve()));
}

/** One fim-lint process over the corpus files, as a user runs it; returns its time and its ShellCheck findings. */
function fimLint(args: string[], files: string[]): Measured & { findings: number; output: string } {
  const clock = startClock();
  const result = spawnSync(process.execPath, [bin, '--format', 'json', ...args, ...files], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const measured = stopClock(clock);
  if (result.status !== 0 && result.status !== 1) throw new Error(`fim-lint failed: ${result.stderr}`);
  const results = JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[];
  const findings = results.reduce((sum, file) => sum + file.messages.filter((m) => /^shell\/SC\d+$/.test(m.ruleId)).length, 0);
  return { ...measured, findings, output: result.stdout };
}

async function main(): Promise<void> {
  if (spawnSync('shellcheck', ['--version']).status !== 0) {
    console.log('bench:shellcheck skipped: shellcheck is not on PATH');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'fim-lint-bench-'));
  try {
    // Every file is named, so that retired recipes (`*.yaml.disabled`, which a directory walk skips) count too.
    const files = corpusFiles(corpus).sort();
    const scripts: { file: string; shell: string }[] = [];
    for (const path of files) {
      for (const script of embeddedScripts(new Recipe(path, readFileSync(path, 'utf8')))) {
        const dialect = scriptDialect(script.shell);
        if (!dialect.checked) continue;
        const file = join(work, `${scripts.length}.sh`);
        writeFileSync(file, withBuilderVariables(script.text));
        scripts.push({ file, shell: dialect.shell });
      }
    }
    console.log(`corpus: ${corpus}: ${files.length} files, ${scripts.length} scripts for ShellCheck`);

    const run = (script: { file: string; shell: string }) => shellcheck(['--norc', '--format=json1', `--shell=${script.shell}`, '--', script.file]);
    let clock = startClock();
    for (const script of scripts) await run(script);
    const baseline = stopClock(clock);
    show('(a) one ShellCheck process per script, one at a time', baseline);

    clock = startClock();
    const queue = [...scripts];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await run(next);
    };
    await Promise.all([worker(), worker()]);
    const parallelBaseline = stopClock(clock);
    show('    one ShellCheck process per script, two at a time', parallelBaseline);

    // (d) ShellCheck alone, batched as fim-lint batches it: no fim-lint run can take less than this with ShellCheck on.
    const scratch = join(work, 'batches');
    mkdirSync(scratch);
    const { batches } = writeShellCheckBatches(files, scratch);
    clock = startClock();
    const pending = [...batches];
    const batchWorker = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) await shellcheck(shellcheckArgs(next));
    };
    await Promise.all(Array.from({ length: availableParallelism() }, batchWorker));
    const alone = stopClock(clock);
    show(`(d) ShellCheck alone, ${batches.length} batches as fim-lint makes them`, alone);

    const cache = join(work, 'cache');
    const without = fimLint(['--no-shellcheck'], files);
    const cold = fimLint(['--cache', '--cache-location', cache], files);
    const warm = fimLint(['--cache', '--cache-location', cache], files);
    const again = fimLint(['--cache', '--cache-location', cache], files);
    if (cold.output !== warm.output || cold.output !== again.output) throw new Error('a warm run reported something else than the cold run');
    show('    fim-lint without ShellCheck', without);
    show('(b) fim-lint with ShellCheck, cold cache', cold, `  (${cold.findings} ShellCheck findings)`);
    show('(c) fim-lint with ShellCheck, warm cache', warm);
    show('    again, once the journals are folded', again, `  (cache: ${cacheSize(cache)})`);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    console.log(`wall: (a)/(b) = ${ratio(baseline.wall, cold.wall)} (goal 3x), (a)/(c) = ${ratio(baseline.wall, warm.wall)} (goal 10x)`);
    console.log(`CPU:  (a)/(b) = ${ratio(baseline.cpu, cold.cpu)}, (a)/(c) = ${ratio(baseline.cpu, warm.cpu)}`);
    console.log(`(b)/(d), fim-lint's cold run against ShellCheck alone (goal <= 1.15): wall ${(cold.wall / alone.wall).toFixed(2)}, CPU ${(cold.cpu / alone.cpu).toFixed(2)}`);
    console.log(`wall against two per-script processes at a time: ${ratio(parallelBaseline.wall, cold.wall)} cold, ${ratio(parallelBaseline.wall, warm.wall)} warm`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
