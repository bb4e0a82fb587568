import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { lintText } from '../../src/core/lint.js';
import { loadRules } from '../../src/core/registry.js';
import { lintPaths } from '../../src/core/run.js';
import { buildValidated } from '../../src/validated/validated.js';
import { corpusFiles, corpusRoot, hasCorpus } from '../helpers.js';

const commentLines = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('#')).length;

describe.skipIf(!hasCorpus)('.validated output for the corpus', () => {
  it('is built for every recipe without errors, parses, lints without errors or new diagnostics, and keeps every comment line', async () => {
    const config = defaultConfig();
    const rules = await loadRules();
    // On this thread, so that the relints below find ShellCheck's results for the same scripts already in memory.
    const run = await lintPaths(corpusFiles(), { config, keepSource: true, concurrency: 'off' });
    const clean = run.results.filter((result) => !result.diagnostics.some((d) => d.severity === 'error'));
    expect(clean.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    for (const result of clean) {
      const name = relative(corpusRoot, result.path);
      const relint = result.diagnostics.some((d) => d.fix) ? (text: string) => lintText(result.path, text, { config, rules }) : undefined;
      const built = await buildValidated(result.source!, relint);
      if (!built.ok) {
        failures.push(`${name}: ${built.reason}`);
        continue;
      }
      const outcome = await lintText(`${result.path}.validated`, built.text, { config, rules });
      const count = (ds: { ruleId: string }[]) => ds.reduce<Record<string, number>>((n, d) => ({ ...n, [d.ruleId]: (n[d.ruleId] ?? 0) + 1 }), {});
      const before = count(result.diagnostics.filter((d) => !d.fix));
      const added = Object.entries(count(outcome.result.diagnostics)).filter(([id, n]) => n > (before[id] ?? 0));
      if (outcome.recipe?.hasSyntaxErrors || added.length > 0) failures.push(`${name}: ${JSON.stringify(added)}`);
      // Later YAML documents are dropped on purpose; the first document keeps all of its comment lines.
      const firstDocument = result.source!.split(/^---/m)[0]!;
      if (commentLines(built.text) < commentLines(firstDocument)) failures.push(`${name}: a comment line was lost`);
    }
    expect(failures).toEqual([]);
  });
});
