import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALID_RECIPE } from '../helpers.js';

/** Runs the built command line (`npm test` builds it first), as CI and users run it. */
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'dist/src/bin.js');

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number }[];
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `fim-lint`, killed after `timeoutMs` so that a hang fails the test instead of stalling the suite. */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: string | Uint8Array } = {}): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...options.env },
    input: options.input,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** `--format json` results of a run. */
export function jsonResults(run: CliRun): JsonResult[] {
  return JSON.parse(run.stdout) as JsonResult[];
}

/** The rule ids reported for each file, by file path. */
export function idsByFile(run: CliRun): Record<string, string[]> {
  return Object.fromEntries(jsonResults(run).map((result) => [result.filePath, result.messages.map((message) => message.ruleId)]));
}

/** A fresh temporary directory with the given files (nested names make folders). */
export function tempTree(files: Record<string, string | Uint8Array> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'fim-lint-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, name)), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  return directory;
}

/** A recipe without any problem; recipes linted together need their own `pkg_id` (see `sbuild/duplicate-pkg-id`). */
export function goodRecipe(id = 'hello'): string {
  return VALID_RECIPE.replace('pkg_id: "github.com.example.hello"', `pkg_id: "github.com.example.${id}"`);
}

export const GOOD_RECIPE = goodRecipe();

/** A valid recipe whose `pkg` key is repeated on line 4. */
export function duplicateKeyRecipe(id = 'hello'): string {
  return goodRecipe(id).replace('pkg_id:', 'pkg: "again"\npkg_id:');
}

export const DUPLICATE_KEY_RECIPE = duplicateKeyRecipe();
