import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentDigest } from '../../src/cache/file-results.js';
import { StatMemo } from '../../src/cache/stat-memo.js';
import { ConfigResolver } from '../../src/config/resolver.js';
import { defaultConfig } from '../../src/core/config.js';
import { FILE_DIGEST, lintPaths } from '../../src/core/run.js';
import { fileStamp, statStamp } from '../../src/files/stamp.js';
import { SECRET_FILE } from '../../src/cache/secret.js';
import { ShellCheckService } from '../../src/shellcheck/service.js';
import { compact, VALID_RECIPE } from '../helpers.js';

let directory: string;
let cacheLocation: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'fim-lint-stat-memo-'));
  cacheLocation = join(directory, '.fim-lint-cache');
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(directory, { recursive: true, force: true });
});

/** Files written by a test are seconds old only once the clock is moved on: their stamps are then settled. */
function settle(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000);
}

/** A file last changed an hour ago, as far as its modification time goes (its change time is now). */
function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  const hourAgo = Date.now() / 1000 - 3600;
  utimesSync(path, hourAgo, hourAgo);
  return path;
}

async function freshMemo(): Promise<StatMemo> {
  const memo = new StatMemo(cacheLocation);
  await memo.load();
  return memo;
}

const BROKEN = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "statik"');

async function lint(paths: string[]): Promise<Record<string, string[]>> {
  const config = defaultConfig();
  config.settings.shellcheck.enabled = false;
  const statMemo = new StatMemo(cacheLocation);
  const run = await lintPaths(paths, { config, resultCache: cacheLocation, statMemo, concurrency: 'off' });
  statMemo.flush();
  return Object.fromEntries(run.results.map((result) => [result.path, result.diagnostics.map(compact)]));
}

describe('statStamp', () => {
  it('is undefined until three seconds after the last change, then names device, inode, size and both times', () => {
    const path = write('a.yaml', 'x');
    const stats = statSync(path, { bigint: true });
    const changed = Number(stats.ctimeNs / 1_000_000n);
    expect(statStamp(stats, changed + 2_900)).toBeUndefined();
    expect(statStamp(stats, changed + 3_100)).toBe(`${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`);
  });

  it('is undefined for a modification time in the future', () => {
    const path = write('a.yaml', 'x');
    const inAnHour = Date.now() / 1000 + 3600;
    utimesSync(path, inAnHour, inAnHour);
    expect(statStamp(statSync(path, { bigint: true }), Date.now() + 60_000)).toBeUndefined();
  });
});

describe('the stat memo', () => {
  it('recalls a fact in a later run, and only for the same subject and stamp', async () => {
    const memo = await freshMemo();
    memo.remember('subject:a', '1:2:3:4:5', ['fact']);
    memo.flush();
    const later = await freshMemo();
    expect(later.recall('subject:a', '1:2:3:4:5')).toEqual(['fact']);
    expect(later.recall('subject:a', '1:2:3:4:6')).toBeUndefined();
    expect(later.recall('subject:b', '1:2:3:4:5')).toBeUndefined();
  });

  it('forgets everything once its secret is replaced, as with a cache committed to a repository', async () => {
    const memo = await freshMemo();
    memo.remember('subject:a', '1:2:3:4:5', ['fact']);
    memo.flush();
    chmodSync(join(cacheLocation, SECRET_FILE), 0o644);
    expect((await freshMemo()).recall('subject:a', '1:2:3:4:5')).toBeUndefined();
  });

  it('ignores a damaged entry', async () => {
    const memo = await freshMemo();
    memo.remember('subject:a', '1:2:3:4:5', ['fact']);
    memo.flush();
    const journal = join(cacheLocation, 'stats', (await import('node:fs')).readdirSync(join(cacheLocation, 'stats'))[0]!);
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('["fact"]', '["fact",1]'));
    expect((await freshMemo()).recall('subject:a', '1:2:3:4:5')).toBeUndefined();
  });
});

describe('the result cache with a stat memo', () => {
  it('takes the digest remembered for an unchanged stat instead of reading the file', async () => {
    const a = write('a.yaml', VALID_RECIPE);
    settle();
    expect(await lint([a])).toEqual({ [a]: [] });
    const validDigest = contentDigest(readFileSync(a));
    writeFileSync(a, BROKEN);
    // Planted with the cache's own secret: the broken file's stat stands for the valid bytes, and the run believes it.
    const memo = await freshMemo();
    memo.remember(FILE_DIGEST + a, fileStamp(a)!, [validDigest]);
    memo.flush();
    expect(await lint([a])).toEqual({ [a]: [] });
  });

  it('lints a file again once it changes, even to other bytes of the same size', async () => {
    const a = write('a.yaml', BROKEN);
    settle();
    const first = await lint([a]);
    expect(first[a]!.some((line) => line.startsWith('sbuild/schema'))).toBe(true);
    writeFileSync(a, BROKEN.replace('statik', 'static'));
    expect(statSync(a).size).toBe(BROKEN.length);
    expect(await lint([a])).toEqual({ [a]: [] });
  });

  it('remembers nothing of a file changed within the last three seconds', async () => {
    const a = join(directory, 'a.yaml');
    writeFileSync(a, BROKEN);
    await lint([a]);
    expect(fileStamp(a)).toBeUndefined();
    expect(() => statSync(join(cacheLocation, 'stats'))).toThrow();
  });
});

describe('the configuration lookup with a stat memo', () => {
  it('finds a configuration file added to a folder it remembered as holding none', async () => {
    const folder = join(directory, 'recipes');
    mkdirSync(folder);
    const recipe = write('recipes/a.yaml', VALID_RECIPE);
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(folder, hourAgo, hourAgo);
    settle();
    const memo = await freshMemo();
    expect((await new ConfigResolver({ cwd: directory, statMemo: memo }).resolve(recipe)).configFile).toBeUndefined();
    memo.flush();
    expect((await new ConfigResolver({ cwd: directory, statMemo: await freshMemo() }).resolve(recipe)).configFile).toBeUndefined();
    writeFileSync(join(folder, '.fim-lint.yaml'), 'rules:\n  sbuild/shebang: off\n');
    const after = await new ConfigResolver({ cwd: directory, statMemo: await freshMemo() }).resolve(recipe);
    expect(after.configFile).toBe(join(folder, '.fim-lint.yaml'));
    expect(after.config.rules['sbuild/shebang']).toBe('off');
  });
});

describe('the ShellCheck version with a stat memo', () => {
  it('asks an unchanged executable for its version once across runs', async () => {
    const calls = join(directory, 'calls');
    const executable = write('shellcheck', `#!/bin/sh\necho called >> '${calls}'\necho "version: 0.10.0"\n`);
    chmodSync(executable, 0o755);
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(executable, hourAgo, hourAgo);
    settle();
    const memo = await freshMemo();
    expect(await new ShellCheckService(executable, undefined).version(memo)).toBe('0.10.0');
    memo.flush();
    expect(await new ShellCheckService(executable, undefined).version(await freshMemo())).toBe('0.10.0');
    expect(readFileSync(calls, 'utf8')).toBe('called\n');
    // Without a memo it is asked again.
    expect(await new ShellCheckService(executable, undefined).version()).toBe('0.10.0');
    expect(readFileSync(calls, 'utf8')).toBe('called\ncalled\n');
  });
});
