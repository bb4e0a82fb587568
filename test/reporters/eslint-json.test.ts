import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../src/core/diagnostic.js';
import { lintPaths } from '../../src/core/run.js';
import { json } from '../../src/reporters/json.js';
import { reportText } from './fixture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the json format read by ESLint\'s own stylish formatter', async () => {
  const run = await lintPaths([`${root}recipes-examples/`], {});
  const results = JSON.parse(reportText(json(run.results, { color: false, cwd: root, skipped: 0 }))) as ESLint.LintResult[];
  const counts = countBySeverity(run.results);
  const formatter = await new ESLint({ cwd: root }).loadFormatter('stylish');
  const text = (await formatter.format(results, { cwd: root, rulesMeta: {} })).replace(/\u001B\[[0-9;]*m/g, '');

  it('never writes severity 0, and says the level of each message in fimLintSeverity', () => {
    const messages = results.flatMap((result) => result.messages) as (ESLint.LintResult['messages'][number] & { fimLintSeverity: string })[];
    expect(counts.infos).toBeGreaterThan(0);
    expect(messages.filter((m) => m.severity !== 1 && m.severity !== 2)).toEqual([]);
    expect(messages.filter((m) => m.fimLintSeverity === 'info').map((m) => m.severity)).toEqual(Array(counts.infos).fill(1));
    expect(messages.filter((m) => m.fimLintSeverity === 'error').every((m) => m.severity === 2)).toBe(true);
  });

  it('gives totals that count every problem: infos with the warnings', () => {
    const problems = counts.errors + counts.warnings + counts.infos;
    expect(text).toContain(`✖ ${problems} problems (${counts.errors} errors, ${counts.warnings + counts.infos} warnings)`);
    const rows = text.split('\n').filter((line) => /^\s+\d+:\d+\s+(error|warning)\s/.test(line));
    expect(rows).toHaveLength(problems);
    expect(text).toMatch(/^\s+21:5\s+warning\s+'MIT License' is not an SPDX license id.*sbuild\/license$/m);
  });

  it('counts the fixable problems as ESLint does', () => {
    const fixable = run.results.flatMap((result) => result.diagnostics).filter((d) => d.fix);
    const fixableErrors = fixable.filter((d) => d.severity === 'error').length;
    expect(text).toContain(`${fixableErrors} errors and ${fixable.length - fixableErrors} warnings potentially fixable with the \`--fix\` option.`);
  });
});
