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

  it('counts the problems --fix fixes as ESLint does: the safe fixes, not the unsafe ones', () => {
    const withFix = run.results.flatMap((result) => result.diagnostics).filter((d) => d.fix);
    const fixable = withFix.filter((d) => d.fixSafety === 'safe');
    expect(withFix.length - fixable.length).toBeGreaterThan(0);
    const fixableErrors = fixable.filter((d) => d.severity === 'error').length;
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    expect(text).toContain(`${plural(fixableErrors, 'error')} and ${plural(fixable.length - fixableErrors, 'warning')} potentially fixable with the \`--fix\` option.`);
  });

  it('writes a safe fix as ESLint\'s fix and an unsafe one as a suggestion, each with fimLintFixSafety', () => {
    type Message = ESLint.LintResult['messages'][number] & { fimLintFixSafety?: string };
    const messages = results.flatMap((result) => result.messages) as Message[];
    const unsafe = messages.filter((m) => m.fimLintFixSafety === 'unsafe');
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe.every((m) => m.fix === undefined && m.suggestions?.length === 1 && m.suggestions[0]!.desc.includes('--unsafe-fixes'))).toBe(true);
    const safe = messages.filter((m) => m.fimLintFixSafety === 'safe');
    expect(safe.length).toBeGreaterThan(0);
    expect(safe.every((m) => m.suggestions === undefined)).toBe(true);
    expect(messages.filter((m) => m.fix !== undefined || m.suggestions !== undefined).every((m) => m.fimLintFixSafety !== undefined)).toBe(true);
  });
});
