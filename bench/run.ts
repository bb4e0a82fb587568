import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/core/paths.js';
import { POOL_THRESHOLD } from '../src/core/run.js';
import { canMeasureMemory, commandExists, measure, measureTogether, type Measurement } from './measure.js';
import { corpusFiles, writeSyntheticRepository } from './synthetic.js';

/**
 * `npm run bench`: fim-lint against its baselines, measured in the same run (machines are noisy, ratios less so).
 * BENCH_RUNS sets how many runs the long timings take the median of (default 3); short timings take 11.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SHORT_RUNS = 11;
const node = process.execPath;
const bin = join(projectRoot, 'dist', 'src', 'bin.js');
const parseOnly = join(projectRoot, 'dist', 'bench', 'parse-only.js');
const corpus = resolve(projectRoot, '..', 'shared', 'corpus', 'soarpkgs-2025-11');
const example = join(projectRoot, 'recipes-examples', 'hello', 'static.official.stable.yaml');

const helpText = spawnSync(node, [bin, '--help'], { encoding: 'utf8' }).stdout;
const lintArgs = ['--format', 'json', ...(helpText.includes('--no-shellcheck') ? ['--no-shellcheck'] : [])];
const fimLint = (...args: string[]) => [bin, ...lintArgs, ...args];
const lintWith = (...args: string[]) => ({ command: node, args: fimLint(...args) });

const show = (m: Measurement) =>
  `${m.seconds.toFixed(3)} s${m.cpuSeconds === undefined ? '' : ` (cpu ${m.cpuSeconds.toFixed(2)} s)`}${m.peakMb === undefined ? '' : `, peak ${m.peakMb.toFixed(0)} MB`}`;
const ratio = (a: Measurement, b: Measurement) => (a.seconds / b.seconds).toFixed(2);
const line = (label: string, text: string) => console.log(`  ${label.padEnd(44)} ${text}`);

console.log(`fim-lint bench: ${availableParallelism()} cores, node ${process.version}, medians of ${RUNS} runs (${SHORT_RUNS} for short ones)`);
console.log(`fim-lint runs with: ${lintArgs.join(' ')}${canMeasureMemory ? '' : ' (no /usr/bin/time: peak memory not measured)'}`);
console.log(`load average now: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (above ${availableParallelism()}, other work skews the timings)\n`);

console.log('One file (pre-commit hook)');
const { bare, one } = measureTogether({ bare: { command: node, args: ['-e', '0'] }, one: { command: node, args: fimLint(example) } }, SHORT_RUNS);
line('node -e 0', show(bare));
line('fim-lint, one recipe', show(one));
line('ratio (goal <= 4)', `${ratio(one, bare)}x`);

if (!existsSync(corpus)) {
  console.log(`\nThe corpus is not at ${corpus}: corpus and synthetic repository sections skipped.`);
} else {
  const files = corpusFiles(corpus);
  const scratch = mkdtempSync(join(tmpdir(), 'fim-lint-bench-'));
  try {
    benchCorpus(files, scratch);
    benchThreshold(files);
    benchSynthetic(files, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

benchShellCheck();

function benchCorpus(files: string[], scratch: string): void {
  const list = join(scratch, 'corpus-files.txt');
  writeFileSync(list, files.join('\n'));
  console.log(`\nCorpus: ${files.length} files, named on the command line`);
  const { lint, withoutShell, single, parse } = measureTogether(
    {
      lint: lintWith(...files),
      withoutShell: lintWith(...shellRulesOff(), ...files),
      single: lintWith('--concurrency', 'off', ...files),
      parse: { command: node, args: [parseOnly, `@${list}`] },
    },
    RUNS,
  );
  line('fim-lint (worker threads)', `${show(lint)}, ${(files.length / lint.seconds).toFixed(0)} files/s`);
  line('fim-lint, no rule that parses shell', show(withoutShell));
  line('shell parsing adds (goal <= 50%)', `${((lint.seconds / withoutShell.seconds - 1) * 100).toFixed(0)}%`);
  line('fim-lint --concurrency off (one thread)', show(single));
  line('bare yaml parse, one thread', show(parse));
  line('fim-lint / bare parse (goal <= 1.0)', ratio(lint, parse));
  if (commandExists('yamllint')) {
    const yamllint = measure('yamllint', ['-f', 'parsable', ...files], Math.min(RUNS, 3));
    line('yamllint (default config)', show(yamllint));
    line('yamllint / fim-lint (goal >= 5)', ratio(yamllint, lint));
  } else {
    line('yamllint', 'not installed (apt-get install yamllint): skipped');
  }
}

/** `--rule <id>=off` for every rule that parses the embedded scripts: the shell rules and the FlatImage rules. */
function shellRulesOff(): string[] {
  const listing = spawnSync(node, [bin, '--list-rules'], { encoding: 'utf8' }).stdout;
  const ids = listing.split('\n').map((row) => row.split(/\s+/)[0] ?? '').filter((id) => /^(shell|flatimage)\//.test(id));
  return ids.flatMap((id) => ['--rule', `${id}=off`]);
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
  line('fim-lint, one copy (3144 files)', show(once));
  line('fim-lint, ten copies', `${show(tenTimes)}, ${(written / tenTimes.seconds).toFixed(0)} files/s`);
  line('ten copies / one copy (goal <= 11)', ratio(tenTimes, once));
  line('peak memory, ten copies (goal < 300 MB)', tenTimes.peakMb === undefined ? 'not measured' : `${tenTimes.peakMb.toFixed(0)} MB`);
  line('bare yaml parse, ten copies, one thread', show(parse));
  line('fim-lint / bare parse', ratio(tenTimes, parse));
  if (commandExists('yamllint')) {
    const yamllint = measure('yamllint', ['-f', 'parsable', repository], 1);
    line('yamllint, ten copies (one run)', show(yamllint));
    line('yamllint / fim-lint', ratio(yamllint, tenTimes));
  }
}

function benchShellCheck(): void {
  const script = join(projectRoot, 'dist', 'bench', 'shellcheck.js');
  console.log('\nShellCheck');
  if (!existsSync(script)) {
    console.log('  no ShellCheck bench in this build (bench/shellcheck.ts): skipped');
    return;
  }
  spawnSync(node, [script], { stdio: 'inherit' });
}
