import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { LintPool, workerScript } from '../../src/core/pool.js';
import { lintPaths } from '../../src/core/run.js';
import { restoreSuppressions, type TargetOutcome } from '../../src/core/outcome.js';
import { DUPLICATE_KEY_RECIPE, GOOD_RECIPE, tempTree } from '../hostile/cli.js';

/** Under the 4 MB a recipe may hold, and far more than a 64 MB heap: 250,000 keys. */
const bigScript = '#!/SBUILD\npkg: "big"\n' + Array.from({ length: 250_000 }, (_, index) => `k${index}: ${index}\n`).join('');
const directory = tempTree({ 'good.yaml': GOOD_RECIPE, 'dup.yaml': DUPLICATE_KEY_RECIPE,
  'suppressed.yaml': DUPLICATE_KEY_RECIPE.replace('pkg: "again"', '# fim-lint-disable-next-line yaml/duplicate-key -- kept on purpose\npkg: "again"'), 'big.yaml': bigScript });
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const script = workerScript();
const summary = (outcome: TargetOutcome) =>
  outcome.kind === 'linted' ? outcome.result.diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`) : outcome.kind;

describe.skipIf(!script)('the worker pool', () => {
  it('lints like the main thread, with the configuration sent along, and reports unreadable and skipped files', async () => {
    const pool = new LintPool(script!, { size: 2, timeLimitMs: 30_000, setup: { keepSource: false, skipNonRecipes: false, workers: 2 } });
    const off = { ...defaultConfig(), rules: { 'yaml/duplicate-key': 'off' as const } };
    try {
      const outcomes = await Promise.all([
        pool.lint({ path: join(directory, 'dup.yaml'), explicit: true }, defaultConfig()),
        pool.lint({ path: join(directory, 'dup.yaml'), explicit: true }, off),
        pool.lint({ path: join(directory, 'good.yaml', 'x.yaml'), explicit: true }, defaultConfig()),
        pool.lint({ path: join(directory, 'good.yaml'), explicit: false }, defaultConfig()),
      ]);
      expect(outcomes.map(summary)).toEqual([['yaml/duplicate-key@4:1'], [], 'unreadable', []]);
    } finally {
      await pool.close();
    }
  });

  it('sends back the suppression comments, for the checks across files, without the text after them', async () => {
    const pool = new LintPool(script!, { size: 1, timeLimitMs: 30_000, setup: { keepSource: false, skipNonRecipes: false, workers: 1 } });
    try {
      const outcome = await pool.lint({ path: join(directory, 'suppressed.yaml'), explicit: true }, defaultConfig());
      expect(summary(outcome)).toEqual([]);
      const data = outcome.kind === 'linted' ? outcome.suppressions : undefined;
      const comment = '# fim-lint-disable-next-line yaml/duplicate-key -- kept on purpose';
      expect(data?.text).toBe(GOOD_RECIPE.slice(0, GOOD_RECIPE.indexOf('pkg_id:')) + comment);
      const suppressions = restoreSuppressions(data)!;
      expect(suppressions.suppresses({ ruleId: 'yaml/duplicate-key', line: 5, start: data!.text.length + 1 })).toBe(true);
      expect(suppressions.suppresses({ ruleId: 'yaml/duplicate-key', line: 6, start: data!.text.length + 20 })).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that runs out of memory: that file gets engine/crash, the others are still linted', async () => {
    const pool = new LintPool(script!, { size: 1, timeLimitMs: 30_000, heapMb: 64, setup: { keepSource: false, skipNonRecipes: false, workers: 1 } });
    try {
      const outcomes = await Promise.all(
        ['good.yaml', 'big.yaml', 'dup.yaml'].map((name) => pool.lint({ path: join(directory, name), explicit: true }, defaultConfig())),
      );
      expect(outcomes.map(summary)).toEqual([[], ['engine/crash@1:1'], ['yaml/duplicate-key@4:1']]);
      const crash = outcomes[1]!.kind === 'linted' ? outcomes[1]!.result.diagnostics[0]!.message : '';
      expect(crash).toMatch(/^The linter stopped on this file \(.*memory.*\); no other check ran$/);
    } finally {
      await pool.close();
    }
  });
});

describe.skipIf(!script)('a run on worker threads', () => {
  it('brings back every field of a diagnostic: fix, fix safety, link and related places, here and in another file', async () => {
    const repeated = GOOD_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - "Utility" # again');
    expect(repeated).not.toBe(GOOD_RECIPE);
    const tree = tempTree({ 'a.yaml': repeated, 'b.yaml': repeated });
    try {
      const files = [join(tree, 'a.yaml'), join(tree, 'b.yaml')];
      const onMain = await lintPaths(files, { config: defaultConfig(), concurrency: 'off' });
      const onWorkers = await lintPaths(files, { config: defaultConfig(), concurrency: 2 });
      expect(onWorkers.results).toEqual(onMain.results);
      const diagnostics = onWorkers.results[0]!.diagnostics;
      const item = diagnostics.find((d) => d.ruleId === 'sbuild/duplicate-item')!;
      expect(Object.keys(item).sort()).toEqual(['column', 'end', 'endColumn', 'endLine', 'fix', 'fixSafety', 'line', 'message', 'related', 'ruleId', 'severity', 'start', 'url']);
      expect(item.fixSafety).toBe('unsafe');
      const pkgId = diagnostics.find((d) => d.ruleId === 'sbuild/duplicate-pkg-id')!;
      expect(pkgId.related?.map((related) => related.path)).toEqual([files[1]]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
