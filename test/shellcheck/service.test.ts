import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/core/run.js';
import { readEntries, type CacheEntries } from '../../src/cache/entries.js';
import { ShellCheckService } from '../../src/shellcheck/service.js';
import { recipe, testConfig } from '../helpers.js';
import { hasShellcheck } from './available.js';

describe.skipIf(!hasShellcheck)('the ShellCheck service', () => {
  it('checks many scripts at once and gives each script its own findings', async () => {
    const service = new ShellCheckService('shellcheck', undefined);
    const scripts = Array.from({ length: 120 }, (_, index) => `echo "start"\necho "$unset_${index}"\n`);
    const results = await Promise.all(scripts.map((script) => service.check(script, 'bash')));
    expect(results.map((comments) => comments?.map((c) => `${c.code}@${c.line}:${c.column} ${c.message}`))).toEqual(
      scripts.map((_, index) => [`2154@2:7 unset_${index} is referenced but not assigned.`]),
    );
  });

  it('is not swayed by SHELLCHECK_OPTS, which would hide findings, nor by GHCRTS, which would make it fail', async () => {
    process.env.SHELLCHECK_OPTS = '--exclude=SC2086';
    process.env.GHCRTS = '-A64m';
    try {
      const comments = await new ShellCheckService('shellcheck', undefined).check('x=$1\necho $x\n', 'bash');
      expect(comments?.map((comment) => `${comment.code}@${comment.line}:${comment.column}`)).toEqual(['2086@2:6']);
    } finally {
      delete process.env.SHELLCHECK_OPTS;
      delete process.env.GHCRTS;
    }
  });

  it('keeps results on disk, keyed by script and shell, and reads them back in a later run', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const script = 'echo $foo\n';
    const first = await new ShellCheckService('shellcheck', directory).check(script, 'bash');
    expect(first?.map((c) => c.code)).toEqual([2154, 2086]);
    const [journal, ...others] = readdirSync(join(directory, 'shellcheck'));
    expect(others).toEqual([]);

    // A fresh service (a later run) answers from the cache: a doctored entry proves it did not run ShellCheck again.
    const entry = join(directory, 'shellcheck', journal!);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace(/"message":"[^"]*"/g, '"message":"from the cache"'));
    const second = await new ShellCheckService('shellcheck', directory).check(script, 'bash');
    expect(second?.map((c) => c.message)).toEqual(['from the cache', 'from the cache']);
    // Another shell is another key; a corrupt cache file is a miss.
    expect((await new ShellCheckService('shellcheck', directory).check(script, 'sh'))?.map((c) => c.message)).not.toContain('from the cache');
    for (const name of readdirSync(join(directory, 'shellcheck'))) writeFileSync(join(directory, 'shellcheck', name), '{not a cache');
    expect((await new ShellCheckService('shellcheck', directory).check(script, 'bash'))?.map((c) => c.code)).toEqual([2154, 2086]);
  });

  it('does not answer from results of another ShellCheck version', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const script = 'echo $foo\n';
    expect((await new ShellCheckService('shellcheck', directory).check(script, 'bash'))?.map((c) => c.code)).toEqual([2154, 2086]);
    // A stand-in for another release: it reports a version of its own and finds nothing.
    const other = join(directory, 'shellcheck-other');
    writeFileSync(other, '#!/bin/sh\nif [ "$1" = --version ]; then echo "version: 0.0.1-other"; else echo \'{"comments":[]}\'; fi\n', { mode: 0o755 });
    expect(await new ShellCheckService(other, directory).check(script, 'bash')).toEqual([]);
    expect((await new ShellCheckService('shellcheck', directory).check(script, 'bash'))?.map((c) => c.code)).toEqual([2154, 2086]);
  });

  it('checks each distinct script once, and leaves no temporary files in the cache', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const services = [new ShellCheckService('shellcheck', directory), new ShellCheckService('shellcheck', directory)];
    const scripts = Array.from({ length: 20 }, (_, index) => `echo "$v${index % 10}"\n`);
    await Promise.all(services.flatMap((service) => scripts.map((script) => service.check(script, 'bash'))));
    const names = readdirSync(join(directory, 'shellcheck'));
    expect(names.filter((name) => !/^journal-v\d+-.+\.txt$/.test(name))).toEqual([]);
    // Two services, like two worker threads: each checked the ten distinct scripts once.
    const lines = names.flatMap((name) => readFileSync(join(directory, 'shellcheck', name), 'utf8').split('\n').filter(Boolean));
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((line) => line.split(' ')[0])).size).toBe(10);
  });

  it('keeps the results found on worker threads, which are stopped as soon as their files are answered', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const files = Array.from({ length: 8 }, (_, index) => {
      const path = join(directory, `recipe-${index}.yaml`);
      writeFileSync(path, recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  shell: "bash"', '  pkgver: |', '    echo "1.0"', '  run: |', `    echo $v${index}`));
      return path;
    });
    const config = testConfig();
    Object.assign(config.settings.shellcheck, { enabled: true, cache: true, cacheLocation: join(directory, 'cache') });
    const cold = await lintPaths(files, { config, concurrency: 2 });
    expect(cold.results.flatMap((result) => result.diagnostics.map((d) => d.ruleId))).toContain('shell/SC2154');

    const entries: CacheEntries = new Map();
    for (const name of readdirSync(join(directory, 'cache', 'shellcheck'))) readEntries(readFileSync(join(directory, 'cache', 'shellcheck', name), 'utf8'), entries);
    // Eight run scripts and the pkgver script they share.
    expect(entries.size).toBe(9);
    const warm = await lintPaths(files, { config, concurrency: 2 });
    expect(warm.results).toEqual(cold.results);
  });
});

describe('the ShellCheck service without ShellCheck', () => {
  it('answers undefined when the executable cannot be run', async () => {
    const service = new ShellCheckService(join(tmpdir(), 'no-such-shellcheck'), undefined);
    expect(await service.version()).toBeUndefined();
    expect(await service.check('echo hi\n', 'bash')).toBeUndefined();
  });
});
