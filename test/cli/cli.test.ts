import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/src/bin.js');

function run(args: string[], options: { input?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

describe('fim-lint command line', () => {
  it('prints the path, then line:col, severity, message and rule id for the bundled examples, and exits 1 on errors', () => {
    // The 2025-11 builder's linter rejects the repeated top-level key: an error there.
    const { code, stdout } = run(['--target', '2025-11', 'recipes-examples/broken']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^recipes-examples\/broken\/static\.official\.stable\.yaml\n {2}11:1 {2}error {4}Duplicate key 'pkg'[^]*?yaml\/duplicate-key/m);
  });

  it('exits 0 when there are warnings only: the default builder keeps the later of two repeated keys', () => {
    const { code, stdout } = run(['recipes-examples/broken']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^recipes-examples\/broken\/static\.official\.stable\.yaml\n {2}11:1 {2}warning {2}Duplicate key 'pkg'[^]*?yaml\/duplicate-key/m);
  });

  it('writes the ESLint JSON shape with one entry per linted file, clean ones too', () => {
    const { code, stdout } = run(['--format', 'json', 'recipes-examples/hello', 'recipes-examples/broken']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number }[]; errorCount: number; warningCount: number }[];
    expect(results.map((r) => r.filePath)).toEqual([
      join(root, 'recipes-examples/hello/static.official.stable.yaml'),
      join(root, 'recipes-examples/broken/static.official.stable.yaml'),
    ]);
    const broken = results[1]!;
    expect(broken.messages.find((m) => m.ruleId === 'yaml/duplicate-key')).toMatchObject({ severity: 1, line: 11, column: 1, endLine: 11, endColumn: 4 });
    expect(broken.messages.find((m) => m.ruleId === 'yaml/multiple-documents')).toMatchObject({ severity: 1, line: 18, column: 1 });
    expect(Object.keys(broken).sort()).toEqual(['errorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'warningCount']);
  });

  it('reads standard input with -, under the --stdin-filename name', () => {
    const { code, stdout } = run(['--format', 'json', '--stdin-filename', 'x/static.yaml', '-'], { input: 'pkg: a\npkg: b\n' });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(result!.filePath).toBe(join(root, 'x/static.yaml'));
    // The fragment also lacks the required fields, which sbuild/schema reports.
    expect(result!.messages.map((m) => m.ruleId).filter((id) => id !== 'sbuild/schema')).toEqual(['sbuild/shebang', 'yaml/duplicate-key']);
  });

  it('skips walked files that are plainly not recipes but lints a named one', () => {
    const directory = tempDir({ 'config.yaml': 'name: ci\non: push\n', 'r.yaml': '#!/SBUILD\npkg: a\n' });
    const walked = run(['--format', 'json', directory]);
    expect((JSON.parse(walked.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual([join(directory, 'r.yaml')]);
    const named = run(['--format', 'json', join(directory, 'config.yaml')]);
    expect((JSON.parse(named.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual([join(directory, 'config.yaml')]);
  });

  it('exits 2 with a one-line message for a missing path, and still lints the others', () => {
    const { code, stdout, stderr } = run(['--no-shellcheck', '--format', 'json', 'no/such/file.yaml', 'recipes-examples/hello']);
    expect(code).toBe(2);
    expect(stderr).toBe('fim-lint: cannot read no/such/file.yaml: no such file or directory\n');
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('exits 2 on a usage error without a stack trace', () => {
    const { code, stderr } = run(['--no-such-option']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^fim-lint: Unknown option '--no-such-option'\nRun 'fim-lint --help' for usage\.\n$/);
  });

  it('says once on standard error that ShellCheck is missing, and nothing with --no-shellcheck', () => {
    const missing = run(['--shellcheck', './no/such/shellcheck', 'recipes-examples']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `fim-lint: ShellCheck was not found ('${join(root, 'no/such/shellcheck')}' cannot be run), so the shell/SC* checks were skipped: install it (e.g. apt-get install shellcheck), pass --shellcheck <path>, or turn it off with --no-shellcheck\n`,
    );
    expect(run(['--no-shellcheck', '--shellcheck', './no/such/shellcheck', 'recipes-examples']).stderr).toBe('');
  });

  it('exits 2 on an unknown format, names that objects inherit included', () => {
    for (const format of ['nope', 'toString']) {
      const { code, stdout, stderr } = run(['--format', format, 'recipes-examples/hello']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`fim-lint: unknown format '${format}': expected one of stylish, json, sarif, github, gcc, checkstyle, junit\n`);
    }
  });

  it('reports an invalid --config once, as a configuration error, whatever else goes wrong', () => {
    const directory = tempDir({ 'bad.yaml': 'rulez: {}\n' });
    const config = join(directory, 'bad.yaml');
    const invalid = run(['--config', config, '--no-shellcheck', 'recipes-examples/hello']);
    expect(invalid).toMatchObject({ code: 2, stdout: '', stderr: `fim-lint: ${config}:1:1: the configuration has an unknown key 'rulez'; did you mean 'rules'?\n` });
    const usage = run(['--config', config, '--format', 'nope', 'recipes-examples/hello']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^fim-lint: unknown format 'nope'.*\nRun 'fim-lint --help' for usage\.\n$/);
    const nothingLinted = run(['--config', config, 'no/such/file.yaml']);
    expect(nothingLinted.code).toBe(2);
    expect(nothingLinted.stderr).toBe('fim-lint: cannot read no/such/file.yaml: no such file or directory\n');
  });

  it('lints on worker threads as on the main thread', () => {
    const args = ['--no-shellcheck', '--format', 'json', 'recipes-examples'];
    const threads = run(['--concurrency', '2', ...args]);
    const main = run(['--concurrency', 'off', ...args]);
    expect(threads.stderr).toBe('');
    expect(threads.code).toBe(1);
    expect(threads.stdout).toBe(main.stdout);
    expect((JSON.parse(threads.stdout) as unknown[]).length).toBeGreaterThan(10);
  });

  it('exits 0 on a clean recipe', () => {
    expect(run(['recipes-examples/hello']).code).toBe(0);
  });
});
