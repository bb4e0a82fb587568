import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileResultCache, type LintedOutcome } from '../../src/cache/file-results.js';
import { defaultConfig } from '../../src/core/config.js';
import { lintPaths } from '../../src/core/run.js';
import { SECRET_FILE } from '../../src/shellcheck/cache-secret.js';
import { compact, VALID_RECIPE } from '../helpers.js';

let directory: string;
let cacheLocation: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'fim-lint-results-'));
  cacheLocation = join(directory, '.fim-lint-cache');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function noShellCheck() {
  const config = defaultConfig();
  config.settings.shellcheck.enabled = false;
  return config;
}

async function lintWithCache(paths: string[], config = noShellCheck()) {
  const run = await lintPaths(paths, { config, resultCache: cacheLocation, concurrency: 'off' });
  return Object.fromEntries(run.results.map((result) => [result.path, result.diagnostics.map(compact)]));
}

function entryFiles(): string[] {
  return readdirSync(join(cacheLocation, 'results-v1')).filter((name) => name.endsWith('.json'));
}

/** Rewrites every entry's findings: a run that reports them took its results from the cache. */
function markEntries(message: string): void {
  for (const name of entryFiles()) {
    const path = join(cacheLocation, 'results-v1', name);
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { key: string; outcome: LintedOutcome };
    entry.outcome.result.diagnostics = [{ ruleId: 'test/marker', severity: 'warning', message, line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 }];
    writeFileSync(path, JSON.stringify(entry));
  }
}

const BROKEN = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "statik"');

describe('the result cache', () => {
  it('answers an unchanged file from the cache, with the same findings as linting it', async () => {
    const path = write('a.yaml', BROKEN);
    const first = await lintWithCache([path]);
    expect(first[path]!.length).toBeGreaterThan(0);
    expect(entryFiles()).toHaveLength(1);
    expect(await lintWithCache([path])).toEqual(first);
    markEntries('from the cache');
    expect(await lintWithCache([path])).toEqual({ [path]: ['test/marker warning 1:1-1:2 from the cache'] });
  });

  it('lints a file again when its bytes, its configuration or its path change', async () => {
    const path = write('a.yaml', BROKEN);
    await lintWithCache([path]);
    markEntries('stale');
    write('a.yaml', `${BROKEN}\n`);
    expect((await lintWithCache([path]))[path]).not.toContain('test/marker warning 1:1-1:2 stale');
    markEntries('stale');
    const config = noShellCheck();
    config.rules['sbuild/pkg-type'] = 'off';
    expect((await lintWithCache([path], config))[path]!.some((line) => line.includes('stale'))).toBe(false);
    const copy = write('b.yaml', `${BROKEN}\n`);
    expect((await lintWithCache([copy]))[copy]!.some((line) => line.includes('stale'))).toBe(false);
  });

  it('recomputes duplicate pkg_ids from every file, cached or not', async () => {
    const a = write('a.yaml', VALID_RECIPE);
    const b = write('b.yaml', VALID_RECIPE.replace('pkg: "hello"', 'pkg: "hello-bin"'));
    const duplicates = (run: Record<string, string[]>) => Object.values(run).flat().filter((line) => line.startsWith('sbuild/duplicate-pkg-id'));
    expect(duplicates(await lintWithCache([a, b]))).toHaveLength(2);
    expect(duplicates(await lintWithCache([a, b]))).toHaveLength(2);
    // a.yaml comes from the cache; its duplicate is gone because b.yaml no longer shares the pkg_id.
    write('b.yaml', VALID_RECIPE.replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com.example.hello.bin"'));
    expect(duplicates(await lintWithCache([a, b]))).toEqual([]);
  });

  it('ignores and replaces an entry that is damaged, forged for another key, or not well-formed', async () => {
    const path = write('a.yaml', BROKEN);
    const expected = await lintWithCache([path]);
    const [name] = entryFiles();
    const entryPath = join(cacheLocation, 'results-v1', name!);
    const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { key: string; outcome: LintedOutcome };
    const forgeries = [
      '{"key":',
      // Well-formed and without findings, but made for another key: it would hide the findings.
      JSON.stringify({ key: '0'.repeat(64), outcome: { ...entry.outcome, result: { path, diagnostics: [] } } }),
      JSON.stringify({ ...entry, outcome: { ...entry.outcome, result: { path, diagnostics: [{ ruleId: 'x', severity: 'fatal' }] } } }),
      JSON.stringify({ ...entry, outcome: { ...entry.outcome, kind: 'skipped' } }),
    ];
    for (const forged of forgeries) {
      writeFileSync(entryPath, forged);
      expect(await lintWithCache([path])).toEqual(expected);
      expect(JSON.parse(readFileSync(entryPath, 'utf8'))).toEqual(entry);
    }
  });

  it('never uses entries written without the cache folder\'s own secret, such as a cache committed to a repository', async () => {
    const path = write('a.yaml', BROKEN);
    const expected = await lintWithCache([path]);
    markEntries('planted');
    // A checkout makes files readable by all: a secret that others can read is replaced, and the entries go with it.
    chmodSync(join(cacheLocation, SECRET_FILE), 0o644);
    expect(await lintWithCache([path])).toEqual(expected);
  });

  it('keeps no result that depends on more than the file: a notice about the run', async () => {
    const path = write('a.yaml', VALID_RECIPE);
    const config = defaultConfig();
    config.settings.shellcheck.path = join(directory, 'no-such-shellcheck');
    await lintWithCache([path], config);
    expect(() => entryFiles()).toThrow();
  });

  it('keeps no result in which ShellCheck failed on a script: a later run may get its findings', async () => {
    const path = write('a.yaml', VALID_RECIPE);
    const failing = write('failing-shellcheck', '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\necho "internal trouble" >&2\nexit 3\n');
    chmodSync(failing, 0o755);
    const config = defaultConfig();
    config.settings.shellcheck.path = failing;
    const run = await lintWithCache([path], config);
    expect(run[path]!.filter((diagnostic) => diagnostic.startsWith('shell/shellcheck error')).length).toBeGreaterThan(0);
    expect(() => entryFiles()).toThrow();
  });

  it('replaces a link planted under an entry name instead of writing through it', async () => {
    const path = write('a.yaml', BROKEN);
    const cache = new FileResultCache(cacheLocation);
    const key = cache.key({ path, configText: JSON.stringify(noShellCheck()), shellcheck: 'off', onlyIfRecipe: false }, readFileSync(path));
    const victim = write('victim.txt', 'keep me');
    await lintWithCache([write('other.yaml', VALID_RECIPE)]);
    symlinkSync(victim, join(cacheLocation, 'results-v1', `${key}.json`));
    await lintWithCache([path]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(statSync(join(cacheLocation, 'results-v1', `${key}.json`)).isFile()).toBe(true);
  });

  it('sweeps entries unused for 30 days, at most once a day', () => {
    const cache = new FileResultCache(cacheLocation);
    const outcome: LintedOutcome = { kind: 'linted', result: { path: 'a.yaml', diagnostics: [] }, collected: {} };
    cache.set('a'.repeat(64), outcome);
    cache.set('b'.repeat(64), outcome);
    const old = (Date.now() - 31 * 86_400_000) / 1000;
    utimesSync(join(cacheLocation, 'results-v1', `${'a'.repeat(64)}.json`), old, old);
    cache.sweep();
    expect(entryFiles()).toEqual([`${'b'.repeat(64)}.json`]);
  });
});
