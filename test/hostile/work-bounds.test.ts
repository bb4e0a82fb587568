import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, goodRecipe, idsByFile, jsonResults, runCli, tempTree } from './cli.js';

const directory = tempTree({ 'r.yaml': goodRecipe(), 'sub/s.yaml': goodRecipe('s') });
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs a shell pipeline with `fim-lint` standing for the built command line. */
function pipeline(command: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('/bin/sh', ['-c', command.replaceAll('fim-lint', `'${process.execPath}' '${bin}'`)], {
    cwd: directory,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('standard input', () => {
  it('waits for a writer that starts late instead of failing with EAGAIN', () => {
    const run = pipeline('(sleep 1; cat r.yaml) | fim-lint --no-shellcheck --format json --stdin-filename r.yaml -');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ filePath: join(directory, 'r.yaml'), messages: [] }]);
  });

  it('stops reading past 16 MB: fim-lint - < /dev/zero ends with exit code 2', () => {
    const run = pipeline('fim-lint --no-shellcheck - < /dev/zero');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fim-lint: standard input holds more than 16 MB, far more than a recipe may hold (4 MB)\n');
  });
});

describe('a file named twice', () => {
  it('is linted once, and shares its pkg_id with no one', () => {
    const run = runCli(['--format', 'json', '--no-shellcheck', 'r.yaml', './r.yaml', join(directory, 'r.yaml'), '.', 'sub/s.yaml'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(idsByFile(run)).toEqual({ [join(directory, 'r.yaml')]: [], [join(directory, 'sub', 's.yaml')]: [] });
  });
});

describe('recipes of hostile size are linted in time linear in their size', () => {
  it('lints 40,000 top-level keys well within a 20 s file time limit: one unknown-key warning each', () => {
    const keys = Array.from({ length: 40_000 }, (_, index) => `key_${index}: "value ${index}"\n`).join('');
    writeFileSync(join(directory, 'keys.yaml'), goodRecipe('keys') + keys);
    const run = runCli(['--format', 'json', '--no-shellcheck', '--concurrency', '1', '--timeout', '20', 'keys.yaml'], { cwd: directory, timeoutMs: 120_000 });
    const messages = jsonResults(run)[0]!.messages;
    expect(messages.filter((message) => message.ruleId !== 'sbuild/unknown-key')).toEqual([]);
    expect(messages).toHaveLength(40_000);
    expect(messages[0]).toMatchObject({ line: 21, column: 1, message: "Unknown key 'key_0', which the builder ignores: SBUILD does not define it" });
  });
});
