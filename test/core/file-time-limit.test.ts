import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRule, type Rule } from '../../src/core/rule.js';
import { lintFile, type TargetOptions } from '../../src/core/target.js';
import { FileFixer } from '../../src/fix/fix-files.js';
import shebang from '../../src/rules/sbuild/shebang.js';
import { testConfig, VALID_RECIPE } from '../helpers.js';

/** Busy for `ms` in synchronous code: nothing else runs meanwhile, no timer included. */
function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

/** A test-only rule that is slow, in synchronous code, on the recipes that `isSlow` picks. */
const slowOn = (isSlow: (text: string) => boolean): Rule =>
  defineRule({
    id: 'fixture/slow',
    description: 'slow on some recipes',
    severity: 'warning',
    check({ recipe }) {
      if (isSlow(recipe.text)) busy(300);
    },
  });

/** Reports each run, so that a test can tell whether rules after the slow one ran. */
const ran: string[] = [];
const witness = defineRule({
  id: 'fixture/witness',
  description: 'records that it ran',
  severity: 'warning',
  check({ recipe }) {
    ran.push(recipe.path);
  },
});

const options = (rules: Rule[], extra: Partial<TargetOptions> = {}): TargetOptions => ({ config: testConfig(), rules, ...extra });

const bytes = (text: string) => new TextEncoder().encode(text);
const ids = (outcome: Awaited<ReturnType<typeof lintFile>>) =>
  outcome.kind === 'linted' ? outcome.result.diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.message}`) : [];

const directories: string[] = [];
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

describe('the file time limit on the main thread', () => {
  it('gives a file whose synchronous rule outlasts the limit engine/timeout, and runs no rule after it', async () => {
    ran.length = 0;
    const outcome = await lintFile('slow.yaml', bytes(VALID_RECIPE), options([slowOn(() => true), witness], { timeLimitMs: 100 }), false);
    expect(ids(outcome)).toEqual(['engine/timeout@1:1 Linting this file took longer than the 0.1 s time limit and was stopped; no other check ran']);
    expect(ran).toEqual([]);
  });

  it('lints a file within the limit as without one', async () => {
    ran.length = 0;
    const outcome = await lintFile('quick.yaml', bytes(VALID_RECIPE), options([slowOn(() => false), witness], { timeLimitMs: 10_000 }), false);
    expect(ids(outcome)).toEqual([]);
    expect(ran).toEqual(['quick.yaml']);
  });

  it('writes nothing under --fix when the file runs out of time while being fixed', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-time-limit-'));
    directories.push(directory);
    const path = join(directory, 'r.yaml');
    const text = VALID_RECIPE.slice(VALID_RECIPE.indexOf('\n') + 1);
    writeFileSync(path, text);
    // Quick on the file as it is; slow on the fixed text, which only the re-lint of the fix sees.
    const rules = [shebang, slowOn((lintedText) => lintedText.startsWith('#!/SBUILD'))];
    const fixer = new FileFixer('write', [directory]);
    const outcome = await lintFile(path, bytes(text), options(rules, { timeLimitMs: 100, afterLint: fixer.afterLint }), false);
    expect(ids(outcome)).toEqual(['engine/timeout@1:1 Linting this file took longer than the 0.1 s time limit and was stopped; no other check ran']);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(fixer.changes).toEqual([]);
  });

  it('fixes the same file when the limit allows', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-time-limit-'));
    directories.push(directory);
    const path = join(directory, 'r.yaml');
    writeFileSync(path, VALID_RECIPE.slice(VALID_RECIPE.indexOf('\n') + 1));
    const rules = [shebang, slowOn((lintedText) => lintedText.startsWith('#!/SBUILD'))];
    const fixer = new FileFixer('write', [directory]);
    const outcome = await lintFile(path, bytes(readFileSync(path, 'utf8')), options(rules, { timeLimitMs: 10_000, afterLint: fixer.afterLint }), false);
    expect(ids(outcome)).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(VALID_RECIPE);
  });
});
