import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/core/paths.js';
import { POOL_THRESHOLD } from '../src/core/run.js';
import { canMeasureMemory, commandExists, measure, measureTogether, type Command, type Measurement } from './measure.js';
import { writeShellCheckBatches } from './shellcheck-batches.js';
import { corpusFiles, writeSyntheticRepository } from './synthetic.js';

/**
 * `npm run bench`: fim-lint against its baselines, measured in the same run (machines are noisy, ratios less so), and
 * at the end the figures with goals in one table. BENCH_RUNS sets how many runs the long timings take the median of
 * (default 3); short timings take 11, and a pair of long runs that differ by one rule at least 7. Arguments name the
 * sections to run (default: all): one-file, corpus, threshold, synthetic, shellcheck, large, lsp. BENCH_CORPUS names
 * another corpus folder.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SHORT_RUNS = 11;
/** Two long runs whose difference is small (one rule's share) take turns this often. */
const PAIR_RUNS = Math.max(RUNS, 7);
const node = process.execPath;
const bin = join(projectRoot, 'dist', 'src', 'bin.js');
const parseOnly = join(projectRoot, 'dist', 'bench', 'parse-only.js');
const corpus = process.env.BENCH_CORPUS ?? resolve(projectRoot, '..', 'shared', 'corpus', 'soarpkgs-2025-11');
const example = join(projectRoot, 'recipes-examples', 'hello', 'static.official.stable.yaml');
const sections = process.argv.slice(2);
const wanted = (section: string) => sections.length === 0 || sections.includes(section);

/** The figures with a goal, gathered from the sections and printed together at the end. */
interface Figure {
  label: string;
  goal: string;
  value: string;
  /** The same ratio in CPU time (user + system, every process): steadier than wall time when the machine is busy. */
  cpu: string;
  met: boolean | undefined;
}
const figures: Figure[] = [];
const figure = (label: string, goal: string, value: number | undefined, met: (value: number) => boolean, cpu?: number, unit = '') =>
  figures.push({
    label,
    goal,
    value: value === undefined ? 'not measured' : `${value.toFixed(2)}${unit}`,
    cpu: cpu === undefined || Number.isNaN(cpu) ? '' : cpu.toFixed(2),
    met: value === undefined ? undefined : met(value),
  });
const cpuRatio = (a: Measurement, b: Measurement) => (a.cpuSeconds === undefined || b.cpuSeconds === undefined ? undefined : a.cpuSeconds / b.cpuSeconds);
const hasShellCheck = commandExists('shellcheck');

const helpText = spawnSync(node, [bin, '--help'], { encoding: 'utf8' }).stdout;
const lintArgs = ['--format', 'json', ...(helpText.includes('--no-shellcheck') ? ['--no-shellcheck'] : [])];
const fimLint = (...args: string[]) => [bin, ...lintArgs, ...args];
const lintWith = (...args: string[]) => ({ command: node, args: fimLint(...args) });

const show = (m: Measurement) =>
  `${m.seconds.toFixed(3)} s${m.cpuSeconds === undefined ? '' : ` (cpu ${m.cpuSeconds.toFixed(2)} s)`}${m.peakMb === undefined ? '' : `, peak ${m.peakMb.toFixed(0)} MB`}`;
const ratio = (a: Measurement, b: Measurement) => (a.seconds / b.seconds).toFixed(2);
const line = (label: string, text: string) => console.log(`  ${label.padEnd(44)} ${text}`);

console.log(`fim-lint bench: ${availableParallelism()} cores, node ${process.version}, medians of ${RUNS} runs (${SHORT_RUNS} for short ones)`);
console.log(`fim-lint runs with: ${lintArgs.join(' ')}${canMeasureMemory ? '' : ' (no /usr/bin/time: CPU time not measured)'}`);
console.log('peak memory: the highest sum of resident memory over the process tree (fim-lint and its ShellCheck processes), polled from /proc every 20 ms');
console.log(`load average now: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (above ${availableParallelism()}, other work skews the timings)\n`);

if (wanted('one-file')) benchOneFile();

if (!existsSync(corpus)) {
  console.log(`\nThe corpus is not at ${corpus}: corpus, synthetic repository and ShellCheck sections skipped.`);
} else {
  const files = corpusFiles(corpus);
  const scratch = mkdtempSync(join(tmpdir(), 'fim-lint-bench-'));
  try {
    if (wanted('corpus')) benchCorpus(files, scratch);
    if (wanted('threshold')) benchThreshold(files);
    if (wanted('synthetic')) benchSynthetic(files, scratch);
    if (wanted('shellcheck')) benchShellCheckShare(files, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (wanted('large')) spawnSync(node, [join(projectRoot, 'dist', 'bench', 'large-recipes.js')], { stdio: 'inherit' });
if (wanted('lsp')) benchLanguageServer();
printFigures();

function benchOneFile(): void {
  console.log('One file (pre-commit hook)');
  const withShellCheck: Record<string, Command> = hasShellCheck ? { oneShellCheck: { command: node, args: [bin, '--format', 'json', example] } } : {};
  const single = measureTogether<string>({ bare: { command: node, args: ['-e', '0'] }, one: { command: node, args: fimLint(example) }, ...withShellCheck }, SHORT_RUNS) as Record<
    'bare' | 'one',
    Measurement
  > & { oneShellCheck?: Measurement };
  line('node -e 0', show(single.bare));
  line('fim-lint, one recipe', show(single.one));
  line('ratio (goal <= 4)', `${ratio(single.one, single.bare)}x`);
  if (single.oneShellCheck) {
    line('fim-lint, one recipe, with ShellCheck', show(single.oneShellCheck));
    line('ratio (goal <= 4)', `${ratio(single.oneShellCheck, single.bare)}x`);
  }
  const withIt = single.oneShellCheck ?? single.one;
  figure(`one-file run${single.oneShellCheck ? ' with ShellCheck' : ' (no ShellCheck installed)'} / node -e 0`, '<= 4', withIt.seconds / single.bare.seconds, (value) => value <= 4, cpuRatio(withIt, single.bare));
}

function benchCorpus(files: string[], scratch: string): void {
  const cores = availableParallelism();
  const list = writeList(scratch, 'corpus', files);
  const parts = Array.from({ length: cores }, (_, part) => writeList(scratch, `part-${part}`, files.filter((_, index) => index % cores === part)));
  const withYamllint = commandExists('yamllint');
  console.log(`\nCorpus: ${files.length} files, named on the command line`);
  const runs = {
    lint: lintWith(...files),
    withoutShell: lintWith(...rulesOff(/^(shell|flatimage)\//), ...files),
    noRule: lintWith(...rulesOff(/./), ...files),
    single: lintWith('--concurrency', 'off', ...files),
    parse: { command: node, args: [parseOnly, `@${list}`] },
    parseSplit: alongside(parts.map((part) => [parseOnly, `@${part}`])),
    parseScripts: { command: node, args: [parseOnly, '--scripts', `@${list}`] },
    parseScriptsSplit: alongside(parts.map((part) => [parseOnly, '--scripts', `@${part}`])),
  };
  // The cache is filled once before the timed runs, which then all find every file in it.
  const cacheArgs = ['--cache', '--cache-location', join(scratch, 'cache')];
  spawnSync(node, fimLint(...cacheArgs, ...files));
  // The default run, ShellCheck included when installed, as users run it: its cache entries are apart from those above.
  const defaultCacheArgs = ['--cache', '--cache-location', join(scratch, 'cache-default')];
  spawnSync(node, [bin, '--format', 'json', ...defaultCacheArgs, ...files]);
  const yamllintRun: Record<string, Command> = withYamllint ? { yamllint: { command: 'yamllint', args: ['-f', 'parsable', ...files] } } : {};
  const measured = measureTogether<string>({ ...runs, ...yamllintRun }, RUNS) as Record<keyof typeof runs, Measurement> & { yamllint?: Measurement };
  const { lint, withoutShell, noRule, single, parse, parseSplit, parseScripts, parseScriptsSplit, yamllint } = measured;
  // What one rule adds is a few per cent of two long runs, less than the machine drifts: the two take turns more often.
  const rewritePair = { withRewrite: runs.lint, withoutRewrite: lintWith(...rulesOff(/^flatimage\/no-binary-rewrite$/), ...files) };
  const { withRewrite, withoutRewrite } = measureTogether(rewritePair, PAIR_RUNS);
  // The warm runs take under a second: they are timed apart, in turn with the bare parse, as often as short timings.
  const warmRuns = { warm: lintWith(...cacheArgs, ...files), warmDefault: { command: node, args: [bin, '--format', 'json', ...defaultCacheArgs, ...files] }, warmParse: runs.parse };
  const { warm, warmDefault, warmParse } = measureTogether(warmRuns, SHORT_RUNS);
  line('fim-lint (worker threads)', `${show(lint)}, ${(files.length / lint.seconds).toFixed(0)} files/s`);
  line('fim-lint, no rule that parses shell', show(withoutShell));
  line('shell parsing adds (goal <= 50%)', `${((lint.seconds / withoutShell.seconds - 1) * 100).toFixed(0)}%`);
  line('fim-lint, timed in turn with the next', show(withRewrite));
  line('fim-lint, flatimage/no-binary-rewrite off', show(withoutRewrite));
  line('flatimage/no-binary-rewrite adds (goal <= 10%)', `${((withRewrite.seconds / withoutRewrite.seconds - 1) * 100).toFixed(0)}%`);
  line('fim-lint, every rule off', show(noRule));
  line('fim-lint --concurrency off (one thread)', show(single));
  line('bare yaml parse, one thread', show(parse));
  line('fim-lint / bare parse (goal <= 1.0)', ratio(lint, parse));
  line('fim-lint --cache, every file unchanged', show(warm));
  line('bare yaml parse, timed with the warm runs', show(warmParse));
  line('warm run / bare parse (goal <= 0.3)', ratio(warm, warmParse));
  line(`the same, default run${hasShellCheck ? ' (with ShellCheck)' : ''}`, show(warmDefault));
  line('warm default run / bare parse (goal <= 0.3)', ratio(warmDefault, warmParse));
  if (yamllint) {
    line('yamllint (default config)', show(yamllint));
    line('yamllint / fim-lint (goal >= 5)', ratio(yamllint, lint));
  } else {
    line('yamllint', 'not installed (apt-get install yamllint): skipped');
  }

  console.log(`\nThe parsers alone, without fim-lint: what any linter of these recipes and their scripts must at least do`);
  line(`bare yaml parse, ${cores} processes (a part each)`, `${show(parseSplit)}: ${ratio(parseSplit, parse)} of one thread`);
  line('bare yaml + shell parse, one thread', show(parseScripts));
  line(`bare yaml + shell parse, ${cores} processes`, `${show(parseScriptsSplit)}: ${ratio(parseScriptsSplit, parseScripts)} of one thread`);
  const floor = parseScripts.seconds < parseScriptsSplit.seconds ? parseScripts : parseScriptsSplit;
  line('floor (the faster of the two) / bare parse', ratio(floor, parse));
  line('fim-lint (cold) / floor (goal <= 1.3)', ratio(lint, floor));
  if (yamllint) line('yamllint / floor', ratio(yamllint, floor));
  figure('warm corpus run / bare yaml parse', '<= 0.3', warmDefault.seconds / warmParse.seconds, (value) => value <= 0.3, cpuRatio(warmDefault, warmParse));
  figure('corpus run / the same with flatimage/no-binary-rewrite off', '<= 1.10', withRewrite.seconds / withoutRewrite.seconds, (value) => value <= 1.1, cpuRatio(withRewrite, withoutRewrite));
  figure('cold corpus run without ShellCheck / parsers-alone floor', '<= 1.3', lint.seconds / floor.seconds, (value) => value <= 1.3, cpuRatio(lint, floor));
}

function writeList(scratch: string, name: string, files: string[]): string {
  const path = join(scratch, `${name}.txt`);
  writeFileSync(path, files.join('\n'));
  return path;
}

/** One command that runs several Node processes at once and waits for all of them. */
function alongside(runs: string[][]): Command {
  const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;
  const script = `${runs.map((args) => [node, ...args].map(quote).join(' ')).join(' & ')} & wait`;
  return { command: 'sh', args: ['-c', script] };
}

/** `--rule <id>=off` for every rule whose id matches. */
function rulesOff(ids: RegExp): string[] {
  const listing = spawnSync(node, [bin, '--list-rules'], { encoding: 'utf8' }).stdout;
  const matching = listing.split('\n').map((row) => row.split(/\s+/)[0] ?? '').filter((id) => id.includes('/') && ids.test(id));
  return matching.flatMap((id) => ['--rule', `${id}=off`]);
}

/** Where worker threads start to pay: the main thread against the pool on the first N corpus files. */
function benchThreshold(files: string[]): void {
  console.log(`\nWorker threads against one thread, by number of files (the pool starts at ${POOL_THRESHOLD} files)`);
  for (const count of [64, 256, 512, 1024]) {
    const some = files.slice(0, count);
    const { single, pool } = measureTogether(
      { single: lintWith('--concurrency', 'off', ...some), pool: lintWith('--concurrency', String(availableParallelism()), ...some) },
      5,
    );
    line(`${count} files`, `one thread ${single.seconds.toFixed(3)} s, workers ${pool.seconds.toFixed(3)} s (${ratio(pool, single)}x)`);
  }
}

function benchSynthetic(files: string[], scratch: string): void {
  const repository = join(scratch, 'repository');
  const written = writeSyntheticRepository(corpus, files, repository, 10);
  const firstCopy = join(repository, 'copy-0');
  console.log(`\nSynthetic repository: ${written} files (10 varied copies of the corpus), walked as a directory`);
  const { once, tenTimes, parse } = measureTogether(
    { once: lintWith(firstCopy), tenTimes: lintWith(repository), parse: { command: node, args: [parseOnly, repository] } },
    RUNS,
  );
  line(`fim-lint, one copy (${files.length} files)`, show(once));
  line('fim-lint, ten copies', `${show(tenTimes)}, ${(written / tenTimes.seconds).toFixed(0)} files/s`);
  line('ten copies / one copy (goal <= 11)', ratio(tenTimes, once));
  line('peak memory, ten copies (goal < 300 MB)', tenTimes.peakMb === undefined ? 'not measured' : `${tenTimes.peakMb.toFixed(0)} MB`);
  figure(`peak memory on ten copies of the corpus (${written} files${lintArgs.includes('--no-shellcheck') ? ', without ShellCheck' : ''})`, '< 300 MB', tenTimes.peakMb, (value) => value < 300, undefined, ' MB');
  line('bare yaml parse, ten copies, one thread', show(parse));
  line('fim-lint / bare parse', ratio(tenTimes, parse));
  if (commandExists('yamllint')) {
    const yamllint = measure('yamllint', ['-f', 'parsable', repository], 1);
    line('yamllint, ten copies (one run)', show(yamllint));
    line('yamllint / fim-lint', ratio(yamllint, tenTimes));
  }
}

/**
 * fim-lint's cold run with ShellCheck against ShellCheck alone on the same scripts, batched as fim-lint batches them.
 * `npm run bench:shellcheck` compares it with a ShellCheck process per script, and with a warm cache.
 */
function benchShellCheckShare(files: string[], scratch: string): void {
  console.log('\nShellCheck (no cache: every run is cold)');
  if (!hasShellCheck) {
    console.log('  shellcheck is not on PATH: skipped');
    return;
  }
  const work = join(scratch, 'shellcheck');
  mkdirSync(work);
  const { scripts, batches } = writeShellCheckBatches(files, work);
  const distinct = batches.reduce((sum, batch) => sum + batch.files.length, 0);
  const batchList = join(work, 'batches.json');
  writeFileSync(batchList, JSON.stringify(batches));
  const { alone, cold } = measureTogether(
    {
      alone: { command: node, args: [join(projectRoot, 'dist', 'bench', 'shellcheck-alone.js'), batchList] },
      cold: { command: node, args: [bin, '--format', 'json', ...files] },
    },
    RUNS,
  );
  line('scripts for ShellCheck', `${scripts}, ${distinct} distinct, in ${batches.length} batches of up to 200`);
  line(`ShellCheck alone, ${availableParallelism()} processes at once`, show(alone));
  line('fim-lint with ShellCheck, cold', show(cold));
  line('fim-lint / ShellCheck alone (goal <= 1.15)', `${ratio(cold, alone)}, in CPU time ${cpuRatio(cold, alone)?.toFixed(2) ?? 'not measured'}`);
  figure('cold corpus run with ShellCheck / ShellCheck alone, same batches', '<= 1.15', cold.seconds / alone.seconds, (value) => value <= 1.15, cpuRatio(cold, alone));
}

function printFigures(): void {
  if (figures.length === 0) return;
  console.log(`\nFigures with a goal, from this run (medians; ratios against baselines measured alongside)`);
  console.log(`  ${'figure'.padEnd(72)} ${'goal'.padEnd(9)} ${'measured'.padEnd(10)} ${'met'.padEnd(4)} in CPU time`);
  for (const { label, goal, value, cpu, met } of figures) {
    console.log(`  ${label.padEnd(72)} ${goal.padEnd(9)} ${value.padEnd(10)} ${(met === undefined ? '-' : met ? 'yes' : 'NO').padEnd(4)} ${cpu}`);
  }
}

function benchLanguageServer(): void {
  console.log('');
  spawnSync(node, [join(projectRoot, 'dist', 'bench', 'lsp.js')], { stdio: 'inherit' });
}
