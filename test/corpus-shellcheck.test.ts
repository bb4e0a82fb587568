import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/core/run.js';
import { Recipe } from '../src/recipe/recipe.js';
import { embeddedScripts } from '../src/recipe/scripts.js';
import { corpusFiles, corpusRoot, hasCorpus, testConfig } from './helpers.js';
import { hasShellcheck } from './shellcheck/available.js';

// The committed corpus summary is made without ShellCheck (its findings depend on its version); this checks that
// running it over every corpus script neither crashes nor places a finding outside its script.
describe.skipIf(!hasCorpus || !hasShellcheck)('the soarpkgs corpus with ShellCheck', () => {
  it('lints every recipe with ShellCheck and places every finding inside its script', { timeout: 600_000 }, async () => {
    const config = testConfig();
    config.settings.shellcheck.enabled = true;
    const run = await lintPaths(corpusFiles(), { config });
    expect(run.notices).toEqual([]);
    expect(run.results.flatMap((result) => result.diagnostics.filter((d) => d.message.startsWith('Internal error')))).toEqual([]);

    let findings = 0;
    const outside: string[] = [];
    for (const result of run.results) {
      const shellcheck = result.diagnostics.filter((d) => /^shell\/SC\d+$/.test(d.ruleId));
      if (shellcheck.length === 0) continue;
      findings += shellcheck.length;
      const recipe = new Recipe(result.path, readFileSync(result.path, 'utf8'));
      const ranges = embeddedScripts(recipe).map((script) => script.node.range!);
      for (const d of shellcheck) {
        if (!ranges.some(([start, end]) => start <= d.start && d.end <= end)) outside.push(`${relative(corpusRoot, result.path)}:${d.line}:${d.column} ${d.ruleId}`);
      }
    }
    expect(outside).toEqual([]);
    expect(findings).toBeGreaterThan(0);
  });
});
