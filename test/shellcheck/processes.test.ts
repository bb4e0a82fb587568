import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shareShellCheckProcesses, shellcheckProcesses } from '../../src/shellcheck/processes.js';
import { ShellCheckService } from '../../src/shellcheck/service.js';

/** A stand-in for ShellCheck that finds nothing, and notes how many of its processes run at once. */
function countingShellCheck(): { executable: string; mostAtOnce: () => number } {
  const directory = mkdtempSync(join(tmpdir(), 'fim-lint-processes-'));
  const running = join(directory, 'running');
  mkdirSync(running);
  const executable = join(directory, 'shellcheck');
  writeFileSync(
    executable,
    [
      '#!/bin/sh',
      'if [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi',
      `touch "${running}/$$"`,
      `ls "${running}" | wc -l >> "${directory}/counts"`,
      'sleep 0.3',
      `rm "${running}/$$"`,
      `echo '{"comments":[]}'`,
    ].join('\n'),
  );
  chmodSync(executable, 0o755);
  const mostAtOnce = () => Math.max(...readFileSync(join(directory, 'counts'), 'utf8').trim().split('\n').map(Number));
  return { executable, mostAtOnce };
}

/** Enough scripts of two dialects for a batch per core and more. */
async function checkMany(service: ShellCheckService): Promise<void> {
  const scripts = Array.from({ length: 8 * availableParallelism() }, (_, index) => `echo ${index}\n`);
  await Promise.all(scripts.map((script, index) => service.check(script, index % 2 ? 'bash' : 'sh')));
}

describe('ShellCheck processes', () => {
  afterEach(() => shareShellCheckProcesses(1));

  it('run one per core on a thread of its own', async () => {
    const shellcheck = countingShellCheck();
    await checkMany(new ShellCheckService(shellcheck.executable, undefined));
    expect(shellcheckProcesses()).toBe(availableParallelism());
    expect(shellcheck.mostAtOnce()).toBeLessThanOrEqual(availableParallelism());
    if (availableParallelism() > 1) expect(shellcheck.mostAtOnce()).toBeGreaterThan(1);
  });

  it('run a share of the cores in each worker of a pool, so that the workers together run one per core', async () => {
    shareShellCheckProcesses(availableParallelism());
    const shellcheck = countingShellCheck();
    await checkMany(new ShellCheckService(shellcheck.executable, undefined));
    expect(shellcheckProcesses()).toBe(1);
    expect(shellcheck.mostAtOnce()).toBe(1);
  });
});
