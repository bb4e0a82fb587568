import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/core/run.js';
import { corpusFiles, corpusRoot, hasCorpus, testConfig } from './helpers.js';

const snapshotPath = new URL('./corpus-summary.json', import.meta.url);

if (!hasCorpus) console.warn(`corpus tests skipped: ${corpusRoot} does not exist`);

describe.skipIf(!hasCorpus)('the soarpkgs corpus', () => {
  it('lints every recipe for the 2025-11 builder without a crash, and the diagnostic counts by rule match the committed summary', async () => {
    const files = corpusFiles();
    expect(files.length).toBe(3144);
    // The corpus was written for, and built by, the 2025-11 builder (tree a0d023b).
    const config = testConfig();
    config.settings.target = '2025-11';
    const run = await lintPaths(files, { config });
    expect(run.problems).toEqual([]);
    expect(run.results.map((result) => result.path).sort()).toEqual(files);

    const internal = run.results.flatMap((result) =>
      result.diagnostics.filter((d) => d.message.startsWith('Internal error')).map((d) => `${relative(corpusRoot, result.path)}: ${d.message}`),
    );
    expect(internal).toEqual([]);

    const summary = summarize(run.results.map((result) => ({ path: relative(corpusRoot, result.path), diagnostics: result.diagnostics })));
    if (process.env.UPDATE_CORPUS_SNAPSHOT) writeFileSync(snapshotPath, JSON.stringify(summary, null, 2) + '\n');
    const committed = JSON.parse(readFileSync(snapshotPath, 'utf8')) as typeof summary;
    expect(summary).toEqual(committed);
  });
});

interface Counted {
  path: string;
  diagnostics: { ruleId: string; severity: string }[];
}

/** Counts by rule and severity, split between live `.yaml` recipes and the rest (retired recipes). */
function summarize(results: Counted[]) {
  const live: Record<string, number> = {};
  const retired: Record<string, number> = {};
  let liveFiles = 0;
  let liveFilesWithErrors = 0;
  for (const result of results) {
    const isLive = result.path.endsWith('.yaml');
    if (isLive) liveFiles++;
    if (isLive && result.diagnostics.some((d) => d.severity === 'error')) liveFilesWithErrors++;
    for (const d of result.diagnostics) {
      const counts = isLive ? live : retired;
      const key = `${d.ruleId} (${d.severity})`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  return { files: results.length, liveFiles, liveFilesWithErrors, live: sorted(live), retired: sorted(retired) };
}
