import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_FILE_NAMES } from '../src/config/load.js';

const root = join(fileURLToPath(import.meta.url), '../..');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

const { steps } = (parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs;
const stepScript = (id: string) => steps.find((step) => step.id === id)!.run!;
const workspace = mkdtempSync(join(tmpdir(), 'fim-lint-action-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Runs a step's script the way the runner runs a composite step with `shell: bash`. */
function runStep(script: string, env: Record<string, string>) {
  const output = join(workspace, 'github-output');
  writeFileSync(output, '');
  const file = join(workspace, 'step.sh');
  writeFileSync(file, script);
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd: join(workspace, 'repo'),
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: output, RUNNER_TEMP: workspace, ...env },
  });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { ...run, outputs };
}

mkdirSync(join(workspace, 'repo', 'recipes'), { recursive: true });
writeFileSync(join(workspace, 'repo', 'recipes', 'a.yaml'), '#!/SBUILD\n_disabled: false\npkg: a\ndescription: A\nsrc_url: ["https://example.com/a"]\ncategory: [NotACategory]\nx_exec:\n  shell: sh\n  pkgver: echo 1\n  run: "true"\n');
writeFileSync(join(workspace, 'repo', 'my config.yaml'), 'rules:\n  sbuild/category: off\n');

describe('the GitHub Action', () => {
  it('installs no Node.js and no development dependencies', () => {
    expect(steps.filter((step) => step.uses?.startsWith('actions/setup-node'))).toEqual([]);
    const scripts = steps.map((step) => step.run ?? '').join('\n');
    expect(scripts).not.toMatch(/npm (ci|install)(?![^\n]*fim-lint@)/);
  });

  it('keys its cache by every file a configuration can be read from, in any folder', () => {
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!.with!;
    const patterns = (key: string) => [...key.matchAll(/hashFiles\(([^)]*)\)/g)].map(([, list]) => list!.split(',').map((pattern) => pattern.trim().replace(/^'|'$/g, '')));
    const expected = [...CONFIG_FILE_NAMES.map((name) => `**/${name}`), '!**/node_modules/**'];
    expect(patterns(cache.key!)).toEqual([expected]);
    expect(patterns(cache['restore-keys']!)).toEqual([expected]);
  });

  it('keeps the user’s secret with the cache, without which a restored cache finds nothing', () => {
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!.with!;
    expect(cache.path!.trim().split('\n')).toEqual(['.fim-lint-cache', '!.fim-lint-cache/stats', '~/.cache/fim-lint/user.key']);
  });

  it('runs the build in its own folder with the runner Node.js', () => {
    const install = runStep(stepScript('install'), {});
    expect(install.status, install.stderr).toBe(0);
    expect(install.outputs.bin).toBe(join(root, 'dist/src/bin.js'));
  });

  it('keeps a quoted argument whole: --config "my config.yaml"', () => {
    const env = { FIM_LINT_BIN: join(root, 'dist/src/bin.js'), FIM_LINT_PATHS: 'recipes', FIM_LINT_CACHE: 'false', FIM_LINT_SARIF: 'false' };
    const withConfig = runStep(stepScript('lint'), { ...env, FIM_LINT_ARGS: '--no-shellcheck --config "my config.yaml"' });
    expect(withConfig.stderr).toBe('');
    expect(withConfig.status).toBe(0);
    const without = runStep(stepScript('lint'), { ...env, FIM_LINT_ARGS: '--no-shellcheck' });
    expect(without.status).toBe(1);
    expect(without.stdout).toContain('::error file=recipes/a.yaml,line=6,endLine=6,col=12,');
  });

  it('registers its problem matcher from its own folder, and removes it after the step', () => {
    const env = { FIM_LINT_BIN: join(root, 'dist/src/bin.js'), FIM_LINT_PATHS: 'recipes', FIM_LINT_ARGS: '--no-shellcheck', FIM_LINT_CACHE: 'false', FIM_LINT_SARIF: 'false' };
    const lines = runStep(stepScript('lint'), env).stdout.split('\n');
    expect(lines[0]).toBe(`::add-matcher::${join(root, '.github/fim-lint-matcher.json')}`);
    expect(lines.filter(Boolean).at(-1)).toBe('::remove-matcher owner=fim-lint::');
  });

  it('stops with a clear error on an unclosed quote in args', () => {
    const env = { FIM_LINT_BIN: join(root, 'dist/src/bin.js'), FIM_LINT_PATHS: 'recipes', FIM_LINT_ARGS: '--config "my config.yaml', FIM_LINT_CACHE: 'false', FIM_LINT_SARIF: 'false' };
    const run = runStep(stepScript('lint'), env);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('::error title=fim-lint::cannot split the args input into words');
  });
});
