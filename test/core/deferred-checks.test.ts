import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/core/lint.js';
import { defineRule, type Rule } from '../../src/core/rule.js';
import shellcheckRule from '../../src/rules/shell/shellcheck.js';
import unusedDirective from '../../src/rules/sbuild/unused-disable-directive.js';
import { recipe, testConfig, VALID_RECIPE } from '../helpers.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const work = mkdtempSync(join(tmpdir(), 'fim-lint-deferred-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A ShellCheck stand-in: it tells its version, then runs `lines` on a check. */
function fakeShellCheck(name: string, ...lines: string[]): string {
  const path = join(work, name);
  writeFileSync(path, ['#!/bin/sh', 'if [ "$1" = "--version" ]; then echo "version: 0.0.1"; exit 0; fi', ...lines, ''].join('\n'));
  chmodSync(path, 0o755);
  return path;
}

function withShellCheck(path: string) {
  const config = testConfig();
  config.settings.shellcheck = { ...config.settings.shellcheck, enabled: true, path };
  return config;
}

/** Whether the object is gone after full collections (a weak reference is kept until the task that made it ends). */
async function collected(reference: WeakRef<object>): Promise<boolean> {
  for (let round = 0; round < 3; round++) {
    await sleep(0);
    collectGarbage();
  }
  return reference.deref() === undefined;
}

/** A rule that reports at the values of `pkg` and `pkg_id` once `released` settles, and records a weak reference to the recipe. */
function deferringRule(released: Promise<void>, seen: { recipe?: WeakRef<object>; waiting?: () => void }): Rule {
  return defineRule({
    id: 'fixture/deferred',
    description: 'reports after waiting',
    severity: 'warning',
    check(context) {
      seen.recipe = new WeakRef(context.recipe);
      const spans = [context.recipe.spanOf(['pkg']), context.recipe.spanOf(['pkg_id'])];
      context.defer(async ({ report }) => {
        seen.waiting?.();
        await released;
        for (const at of spans) report({ message: 'reported late', at });
      });
    },
  });
}

const CODE = recipe('#!/SBUILD', '# fim-lint-disable-next-line fixture/deferred', 'pkg: "hello"', 'pkg_id: "x"');

describe('deferred checks', () => {
  it('places their problems at the span given, after the other rules, under the file\'s suppressions', async () => {
    const rule = deferringRule(Promise.resolve(), {});
    const config = testConfig();
    config.rules['sbuild/unused-disable-directive'] = ['error'];
    const outcome = await lintText('deferred.yaml', CODE, { config, rules: [rule, unusedDirective] });
    // The comment hides the problem at `pkg`, and so counts as used.
    expect(outcome.result.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`)).toEqual([
      'fixture/deferred 4:9-4:12 reported late',
    ]);
  });

  it('turn an exception into an internal error of their rule', async () => {
    const failing = defineRule({
      id: 'fixture/failing',
      description: 'fails late',
      severity: 'warning',
      check(context) {
        context.defer(async () => {
          throw new Error('the tool went away');
        });
      },
    });
    const outcome = await lintText('failing.yaml', VALID_RECIPE, { config: testConfig(), rules: [failing] });
    expect(outcome.result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'fixture/failing error 2:1 Internal error in rule fixture/failing: the tool went away',
    ]);
  });

  it('let the recipe go while they wait with dropRecipe, and keep it without', async () => {
    for (const dropRecipe of [true, false]) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const seen: { recipe?: WeakRef<object>; waiting?: () => void } = {};
      const waiting = new Promise<void>((resolve) => (seen.waiting = resolve));
      const linting = lintText('deferred.yaml', CODE, { config: testConfig(), rules: [deferringRule(released, seen)], dropRecipe });
      await waiting;
      expect(await collected(seen.recipe!)).toBe(dropRecipe);
      release();
      const outcome = await linting;
      expect(outcome.recipe === undefined).toBe(dropRecipe);
      expect(outcome.result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['4:9 reported late']);
    }
  });

  it('let the recipe go while ShellCheck checks its scripts', async () => {
    const started = join(work, 'started');
    const release = join(work, 'release');
    const fake = fakeShellCheck('waiting', `touch "${started}"`, `while [ ! -e "${release}" ]; do sleep 0.05; done`, `echo '{"comments":[]}'`);
    const seen: { recipe?: WeakRef<object> } = {};
    const witness = defineRule({
      id: 'fixture/witness',
      description: 'keeps a weak reference to the recipe',
      severity: 'warning',
      check: ({ recipe: parsed }) => void (seen.recipe = new WeakRef(parsed)),
    });
    const linting = lintText('scripts.yaml', VALID_RECIPE, { config: withShellCheck(fake), rules: [witness, shellcheckRule], dropRecipe: true });
    for (let tries = 0; !existsSync(started) && tries < 200; tries++) await sleep(25);
    expect(existsSync(started)).toBe(true);
    expect(await collected(seen.recipe!)).toBe(true);
    writeFileSync(release, '');
    const outcome = await linting;
    expect(outcome.result.diagnostics).toEqual([]);
  });

  it('keep the alias note of a script ShellCheck fails on, reached through an aliased x_exec', async () => {
    const failing = fakeShellCheck('failing', 'echo "internal trouble" >&2', 'exit 3');
    const code = recipe('#!/SBUILD', 'base: &exec', '  shell: bash', '  run: |', '    echo hi', 'pkg: "hello"', 'x_exec: *exec');
    const outcome = await lintText('aliased.yaml', code, { config: withShellCheck(failing), rules: [shellcheckRule], dropRecipe: true });
    expect(outcome.result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'shell/shellcheck error 7:9 ShellCheck could not check x_exec.run: internal trouble (the value of alias *exec, anchored on line 2)',
    ]);
  });
});
