import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ShellCheckLauncher, type LaunchLimits } from '../../src/shellcheck/launcher.js';
import { checkBatch, closeLaunchers } from '../../src/shellcheck/runner.js';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
afterEach(() => closeLaunchers());

const LIMITS: LaunchLimits = { memoryKilobytes: 512 * 1024, outputBytes: 1024 * 1024, timeoutMs: 10_000 };

function folder(name = 'launcher'): string {
  const created = mkdtempSync(join(tmpdir(), `fim-lint-${name}-`));
  folders.push(created);
  return created;
}

/**
 * A stand-in for ShellCheck: it notes the pid of the launcher (its parent's parent) and its arguments in `log`, then
 * reports one finding per script (a script that says `slow` makes it a `sleep` that never answers in time, one that
 * says `die` kills it with the signal named after `die`).
 */
function fakeShellCheck(): { executable: string; log: string } {
  const directory = folder('fake');
  const log = join(directory, 'log');
  const executable = join(directory, 'shellcheck');
  writeFileSync(
    executable,
    [
      '#!/bin/sh',
      `echo "$(ps -o ppid= -p $PPID | tr -d ' ') $*" >> "${log}"`,
      'comments=""',
      'for file in "$@"; do',
      '  case "$file" in *.sh) ;; *) continue ;; esac',
      '  if grep -q slow "$file"; then exec sleep 30; fi',
      '  signal=$(sed -n "s/^die //p" "$file"); if [ -n "$signal" ]; then kill -"$signal" $$; fi',
      '  name=$(printf \'%s\' "$file" | sed \'s/[\\\\"]/\\\\&/g\')',
      '  comments="$comments${comments:+,}{\\"file\\":\\"$name\\",\\"line\\":1,\\"column\\":1,\\"endLine\\":1,\\"endColumn\\":2,\\"level\\":\\"info\\",\\"code\\":2086,\\"message\\":\\"m\\",\\"fix\\":null}"',
      'done',
      'printf \'{"comments":[%s]}\\n\' "$comments"',
      'exit 1',
    ].join('\n'),
  );
  chmodSync(executable, 0o755);
  return { executable, log };
}

/** A launcher of the stand-in ShellCheck, and the stand-in's log. */
function fakeLauncher(options: string[] = []): { launcher: ShellCheckLauncher; log: string } {
  const { executable, log } = fakeShellCheck();
  return { launcher: new ShellCheckLauncher(executable, options, LIMITS, process.env), log };
}

/** The launcher pid and arguments of each ShellCheck started, in order. */
const started = (log: string) =>
  readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => ({ launcher: Number(line.split(' ')[0]), args: line.slice(line.indexOf(' ') + 1) }));

const parentOf = (pid: number) => Number(spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());

function isAlive(pid: number): boolean {
  return spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim().replace(/^Z.*/, '') !== '';
}

function writeScripts(directory: string, scripts: string[]): void {
  scripts.forEach((script, index) => writeFileSync(join(directory, `${index}.sh`), script));
}

describe('the ShellCheck launcher', () => {
  it('starts every batch of a thread from one shell of its own, not from fim-lint, until it is closed', async () => {
    const { launcher, log } = fakeLauncher(['--norc', '--format=json1']);
    const batches = [folder(), folder(), folder()];
    batches.forEach((batch, index) => writeScripts(batch, Array.from({ length: index + 1 }, () => 'echo $x\n')));
    const exits = await Promise.all(batches.map((batch, index) => launcher.run(batch, index + 1, 'bash').exit));
    expect(exits.map(({ status, output }) => [status, JSON.parse(output).comments.length])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    const launchers = started(log).map((entry) => entry.launcher);
    expect(new Set(launchers).size).toBe(1);
    expect(parentOf(launchers[0]!)).toBe(process.pid);
    expect(started(log).find((entry) => entry.args.endsWith('2.sh'))?.args).toBe(`--norc --format=json1 --shell=bash -- ${batches[2]}/0.sh ${batches[2]}/1.sh ${batches[2]}/2.sh`);

    await launcher.close();
    expect(isAlive(launchers[0]!)).toBe(false);
    const later = folder();
    writeScripts(later, ['echo $y\n']);
    expect((await launcher.run(later, 1, 'sh').exit).status).toBe(1);
    expect(started(log).at(-1)!.launcher).not.toBe(launchers[0]);
    await launcher.close();
  });

  it('carries a folder whose name has spaces, quotes and dollar signs', async () => {
    const { launcher } = fakeLauncher();
    const odd = join(folder(), `a b $HOME 'c' "d" \\e`);
    mkdirSync(odd);
    writeScripts(odd, ['echo 1\n', 'echo 2\n']);
    const { output } = await launcher.run(odd, 2, 'sh').exit;
    expect(JSON.parse(output).comments.map((comment: { file: string }) => comment.file)).toEqual([join(odd, '0.sh'), join(odd, '1.sh')]);
    await launcher.close();
    expect(ShellCheckLauncher.carries(`${odd}\nx`, 'sh')).toBe(false);
    expect(ShellCheckLauncher.carries(odd, 'sh; rm -rf /')).toBe(false);
  });

  it('reports a ShellCheck killed by a signal as 128 plus the signal', async () => {
    const { launcher } = fakeLauncher();
    const batch = folder();
    writeScripts(batch, ['die XFSZ\n']);
    expect((await launcher.run(batch, 1, 'sh').exit).status).toBe(128 + 25);
    await launcher.close();
  });

  it('kills one batch on request, while the others of the same launcher go on', async () => {
    const { launcher, log } = fakeLauncher();
    const [slow, quick] = [folder(), folder()];
    writeScripts(slow, ['slow\n']);
    writeScripts(quick, ['echo\n']);
    const slowRun = launcher.run(slow, 1, 'sh');
    slowRun.kill();
    const quickExit = await launcher.run(quick, 1, 'sh').exit;
    expect((await slowRun.exit).status).toBe(128 + 9);
    expect(quickExit.status).toBe(1);
    expect(new Set(started(log).map((entry) => entry.launcher)).size).toBe(1);
    await launcher.close();
  });

  it('sends no signal for a batch that has ended: its pid may be another process\'s by then', async () => {
    const { launcher } = fakeLauncher();
    const batch = folder();
    writeScripts(batch, ['echo\n']);
    const run = launcher.run(batch, 1, 'sh');
    await run.exit;
    const kill = vi.spyOn(process, 'kill');
    try {
      run.kill();
      expect(kill).not.toHaveBeenCalled();
    } finally {
      kill.mockRestore();
    }
    await launcher.close();
  });

  it('fails the batches of a launcher that dies, kills what it started, and starts another for the next batch', async () => {
    const { launcher, log } = fakeLauncher();
    const [slow, later] = [folder(), folder()];
    writeScripts(slow, ['slow\n']);
    writeScripts(later, ['echo\n']);
    const { exit } = launcher.run(slow, 1, 'sh');
    while (!readFileSync(log, { encoding: 'utf8', flag: 'a+' }).includes('.sh')) await new Promise((resume) => setTimeout(resume, 20));
    const shell = started(log)[0]!.launcher;
    const sleeping = Number(spawnSync('pgrep', ['-g', String(shell), 'sleep'], { encoding: 'utf8' }).stdout.trim());
    expect(sleeping).toBeGreaterThan(0);
    process.kill(shell, 'SIGKILL');
    await expect(exit).rejects.toThrow('the shell that starts it ended');
    for (let waited = 0; isAlive(sleeping) && waited < 5_000; waited += 50) await new Promise((resume) => setTimeout(resume, 50));
    expect(isAlive(sleeping)).toBe(false);
    expect((await launcher.run(later, 1, 'sh').exit).status).toBe(1);
    expect(started(log).at(-1)!.launcher).not.toBe(shell);
    await launcher.close();
  });
});

describe('checkBatch through the launcher', () => {
  it('stops a batch over its time limit and still checks the batch beside it', async () => {
    const { executable } = fakeShellCheck();
    const limits = { timeoutMs: 1_000, memoryMb: 512 };
    const [slow, quick] = await Promise.allSettled([checkBatch(executable, 'bash', ['slow\n'], limits), checkBatch(executable, 'bash', ['echo $a\n', 'echo $b\n'], limits)]);
    expect(slow).toMatchObject({ status: 'rejected', reason: { reason: 'timeout' } });
    expect(quick.status === 'fulfilled' && quick.value.map((comments) => comments.map((comment) => comment.code))).toEqual([[2086], [2086]]);
  });

  it('says that ShellCheck went over the output limit when it is killed for its output', async () => {
    const { executable } = fakeShellCheck();
    await expect(checkBatch(executable, 'sh', ['die XFSZ\n'])).rejects.toMatchObject({ reason: 'failed', message: 'its output went over 256 MB' });
  });
});
