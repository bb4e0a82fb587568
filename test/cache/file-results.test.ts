import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayNumber, formatEntry, readEntries, type CacheEntries } from '../../src/cache/entries.js';
import { FILE_CACHE_FORMAT, fileCacheGeneration, type LintedOutcome } from '../../src/cache/file-results.js';
import { defaultConfig } from '../../src/core/config.js';
import { lintPaths } from '../../src/core/run.js';
import { SECRET_FILE } from '../../src/cache/secret.js';
import { compact, VALID_RECIPE } from '../helpers.js';

const RESULTS = `results-v${FILE_CACHE_FORMAT}-${fileCacheGeneration()}.txt`;
let directory: string;
let cacheLocation: string;
let entriesDirectory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'fim-lint-results-'));
  cacheLocation = join(directory, '.fim-lint-cache');
  entriesDirectory = join(cacheLocation, 'files');
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

/** The entries in the cache's files (results and journals), the last written of each key winning. */
function storedEntries(): CacheEntries {
  const entries: CacheEntries = new Map();
  for (const name of readdirSync(entriesDirectory).sort((a, b) => (a === RESULTS ? -1 : b === RESULTS ? 1 : 0))) {
    readEntries(readFileSync(join(entriesDirectory, name), 'utf8'), entries);
  }
  return entries;
}

/** Replaces the cache's files with one results file of these lines. */
function writeEntries(lines: string[]): void {
  for (const name of readdirSync(entriesDirectory)) rmSync(join(entriesDirectory, name));
  writeFileSync(join(entriesDirectory, RESULTS), lines.join(''));
}

/** Rewrites every entry's findings: a run that reports them took its results from the cache. */
function markEntries(message: string): void {
  const marked = [...storedEntries()].map(([key, { used, data }]) => {
    const outcome = JSON.parse(data) as LintedOutcome;
    outcome.result.diagnostics = [{ ruleId: 'test/marker', severity: 'warning', message, line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 }];
    return formatEntry(key, { used, data: JSON.stringify(outcome) });
  });
  writeEntries(marked);
}

const BROKEN = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "statik"');

describe('the result cache', () => {
  it('answers an unchanged file from the cache, with the same findings as linting it', async () => {
    const path = write('a.yaml', BROKEN);
    const first = await lintWithCache([path]);
    expect(first[path]!.length).toBeGreaterThan(0);
    expect(storedEntries().size).toBe(1);
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
    const [[key, entry]] = [...storedEntries()] as [[string, { used: number; data: string }]];
    const outcome = JSON.parse(entry.data) as LintedOutcome;
    const line = (data: unknown, forKey = key) => formatEntry(forKey, { used: entry.used, data: JSON.stringify(data) });
    const forgeries = [
      `${key} ${entry.used} {"kind":`,
      // Well-formed and without findings, but made for another key: it would hide the findings.
      line({ ...outcome, result: { path, diagnostics: [] } }, '0'.repeat(64)),
      line({ ...outcome, result: { path, diagnostics: [{ ruleId: 'x', severity: 'fatal' }] } }),
      line({ ...outcome, kind: 'skipped' }),
    ];
    for (const forged of forgeries) {
      writeEntries([forged]);
      expect(await lintWithCache([path])).toEqual(expected);
      expect(storedEntries().get(key)).toEqual(entry);
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
    expect(existsSync(entriesDirectory)).toBe(false);
  });

  it('keeps no result in which ShellCheck failed on a script: a later run may get its findings', async () => {
    const path = write('a.yaml', VALID_RECIPE);
    const failing = write('failing-shellcheck', '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\necho "internal trouble" >&2\nexit 3\n');
    chmodSync(failing, 0o755);
    const config = defaultConfig();
    config.settings.shellcheck.path = failing;
    const run = await lintWithCache([path], config);
    expect(run[path]!.filter((diagnostic) => diagnostic.startsWith('shell/shellcheck error')).length).toBeGreaterThan(0);
    expect(existsSync(entriesDirectory)).toBe(false);
  });

  it('writes a run\'s entries to a journal, which the next run folds into the one file that later runs read', async () => {
    const paths = [write('a.yaml', BROKEN), write('b.yaml', VALID_RECIPE)];
    const expected = await lintWithCache(paths);
    expect(readdirSync(entriesDirectory)).toEqual([expect.stringMatching(/^journal-v\d+-.+\.txt$/)]);
    expect(await lintWithCache(paths)).toEqual(expected);
    expect(readdirSync(entriesDirectory)).toEqual([RESULTS]);
    expect(storedEntries().size).toBe(2);
  });

  it('replaces a link planted as the results file instead of writing through it', async () => {
    const path = write('a.yaml', BROKEN);
    await lintWithCache([path]);
    const victim = write('victim.txt', 'keep me');
    writeEntries([]);
    rmSync(join(entriesDirectory, RESULTS));
    symlinkSync(victim, join(entriesDirectory, RESULTS));
    await lintWithCache([path]);
    await lintWithCache([path]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(statSync(join(entriesDirectory, RESULTS)).isFile()).toBe(true);
    expect(storedEntries().size).toBe(1);
  });

  it('drops entries unused for 30 days when it next folds a journal', async () => {
    const outcome: LintedOutcome = { kind: 'linted', result: { path: 'gone.yaml', diagnostics: [] }, collected: {} };
    mkdirSync(entriesDirectory, { recursive: true });
    writeEntries([formatEntry('a'.repeat(64), { used: dayNumber() - 31, data: JSON.stringify(outcome) }), formatEntry('b'.repeat(64), { used: dayNumber() - 29, data: JSON.stringify(outcome) })]);
    const path = write('a.yaml', BROKEN);
    await lintWithCache([path]);
    await lintWithCache([path]);
    expect([...storedEntries().keys()].filter((key) => /^([ab])\1+$/.test(key))).toEqual(['b'.repeat(64)]);
  });

  it('removes the folder of one file per entry that the first format kept', async () => {
    mkdirSync(join(cacheLocation, 'results-v1'), { recursive: true });
    writeFileSync(join(cacheLocation, 'results-v1', `${'a'.repeat(64)}.json`), '{}');
    await lintWithCache([write('a.yaml', BROKEN)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(cacheLocation).sort()).toEqual(['files', SECRET_FILE].sort());
  });
});
