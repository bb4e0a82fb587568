import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRecipe, jsonResults, runCli, tempTree } from './cli.js';

/** A recipe whose script has one ShellCheck finding of level error: SC2068 on line 20, column 10. */
const ERROR_FINDING_RECIPE = goodRecipe().replace('    soar dl', '    echo $@\n    soar dl');

/** A program that leaves a mark when it runs, and otherwise answers like ShellCheck. */
function markingProgram(directory: string, name: string): { path: string; mark: string } {
  const path = join(directory, name);
  const mark = join(directory, `${name}.ran`);
  // Answers as ShellCheck does: its version for --version, no findings for a batch of scripts.
  writeFileSync(path, `#!/bin/sh\ntouch '${mark}'\nif [ "$1" = --version ]; then echo 'version: 0.10.0'; else echo '{"comments":[]}'; fi\n`);
  chmodSync(path, 0o755);
  return { path, mark };
}

const trees: string[] = [];
function tree(files: Record<string, string>): string {
  const directory = tempTree(files);
  trees.push(directory);
  return directory;
}
afterAll(() => trees.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

describe('a repository never chooses a program to run', () => {
  it.each([
    ['.fim-lint.yaml', "shellcheck:\n  path: ./tool\n", '2:3: shellcheck.path'],
    ['.fim-lint.yaml', 'overrides:\n  - files: ["*.yaml"]\n    shellcheck: { path: ./tool }\n', '3:19: overrides.0.shellcheck.path'],
    ['package.json', JSON.stringify({ name: 'x', 'fim-lint': { shellcheck: { path: './tool' } } }), '1:39: shellcheck.path'],
  ])('refuses shellcheck.path in %s (%s) with exit code 2 and says how to pass it', (name, text, where) => {
    const directory = tree({ 'r.yaml': goodRecipe(), [name]: text });
    const tool = markingProgram(directory, 'tool');
    const run = runCli(['--format', 'json', 'r.yaml'], { cwd: directory });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `fim-lint: ${join(directory, name)}:${where}: a configuration file cannot choose the program to run; pass --shellcheck <path> on the command line or set the FIM_LINT_SHELLCHECK environment variable instead\n`,
    );
    expect(existsSync(tool.mark)).toBe(false);
  });

  it('looks ShellCheck up in the absolute PATH entries only, never in the repository', () => {
    const directory = tree({ 'r.yaml': goodRecipe() });
    const planted = markingProgram(directory, 'shellcheck');
    mkdirSync(join(directory, 'bin'));
    const plantedInBin = markingProgram(join(directory, 'bin'), 'shellcheck');
    const run = runCli(['--format', 'json', 'r.yaml'], { cwd: directory, env: { PATH: `.:bin::${process.env.PATH}` } });
    expect(run.code).toBe(0);
    expect(existsSync(planted.mark)).toBe(false);
    expect(existsSync(plantedInBin.mark)).toBe(false);
  });

  it('runs the ShellCheck that the command line or FIM_LINT_SHELLCHECK names', () => {
    const directory = tree({ 'r.yaml': goodRecipe() });
    const fromEnvironment = markingProgram(directory, 'from-env');
    expect(runCli(['--format', 'json', 'r.yaml'], { cwd: directory, env: { FIM_LINT_SHELLCHECK: './from-env' } }).code).toBe(0);
    expect(existsSync(fromEnvironment.mark)).toBe(true);
    const fromOption = markingProgram(directory, 'from-option');
    expect(runCli(['--format', 'json', '--shellcheck', './from-option', 'r.yaml'], { cwd: directory, env: { FIM_LINT_SHELLCHECK: './from-env' } }).code).toBe(0);
    expect(existsSync(fromOption.mark)).toBe(true);
  });

  it('refuses a configuration that turns on a cache: a pull request would make fim-lint write where it names', () => {
    const directory = tree({ 'r.yaml': goodRecipe(), '.fim-lint.yaml': 'shellcheck:\n  cache: true\n  cacheLocation: .git/hooks\n' });
    const run = runCli(['--format', 'json', 'r.yaml'], { cwd: directory, env: { HOME: join(directory, 'home') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('shellcheck.cache: a configuration file cannot turn on a cache or choose where it is written');
    expect(readdirSync(directory, { recursive: true }).map(String).sort()).toEqual(['.fim-lint.yaml', 'r.yaml']);
  });
});

describe('a repository never makes the cache write through a link', () => {
  /** Every file under `directory`, as paths relative to it. */
  const filesUnder = (directory: string): string[] => (existsSync(directory) ? readdirSync(directory, { recursive: true }).map(String).sort() : []);

  it.each([
    ['the default cache folder', ['--cache'], '.fim-lint-cache', '.fim-lint-cache'],
    ['a folder on the way to --cache-location', ['--cache', '--cache-location', 'build/cache'], 'build', 'build'],
    ['a folder fim-lint keeps in the cache', ['--cache'], '.fim-lint-cache/files', '.fim-lint-cache/files'],
  ])('%s that is a link: the run keeps no cache and says so', (_, args, linkName, shown) => {
    const directory = tree({ 'repo/r.yaml': goodRecipe(), 'outside/.keep': '' });
    const repo = join(directory, 'repo');
    mkdirSync(dirname(join(repo, linkName)), { recursive: true });
    symlinkSync(join(directory, 'outside'), join(repo, linkName));
    const run = runCli(['--format', 'json', ...args, 'r.yaml'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`is not used: ${shown} is a symbolic link, and fim-lint never writes through a link\n`);
    expect(filesUnder(join(directory, 'outside'))).toEqual(['.keep']);
  });

  it('a cache location that is a file: the run keeps no cache, says so and lints', () => {
    const directory = tree({ 'r.yaml': goodRecipe(), '.fim-lint-cache': '' });
    const run = runCli(['--format', 'json', '--cache', 'r.yaml'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('fim-lint: the cache folder .fim-lint-cache is not used: .fim-lint-cache is a file, where fim-lint keeps a folder\n');
    expect(jsonResults(run)[0]!.messages).toEqual([]);
  });

  it('a cache file that is a link (to /dev/zero) is not read', () => {
    const directory = tree({ 'r.yaml': goodRecipe() });
    expect(runCli(['--format', 'json', '--cache', 'r.yaml'], { cwd: directory }).code).toBe(0);
    const files = join(directory, '.fim-lint-cache', 'files');
    for (const name of readdirSync(files).filter((name) => name.endsWith('.txt'))) {
      rmSync(join(files, name));
      symlinkSync('/dev/zero', join(files, name));
    }
    const run = runCli(['--format', 'json', '--cache', 'r.yaml'], { cwd: directory, timeoutMs: 20_000 });
    expect(run.code).toBe(0);
    expect(jsonResults(run)[0]!.messages).toEqual([]);
  });

  it('a --cache-location the command line names as a link is the user’s choice', () => {
    const directory = tree({ 'repo/r.yaml': goodRecipe(), 'outside/.keep': '' });
    symlinkSync(join(directory, 'outside'), join(directory, 'repo', 'mine'));
    const run = runCli(['--format', 'json', '--no-shellcheck', '--cache', '--cache-location', 'mine', 'r.yaml'], { cwd: join(directory, 'repo') });
    expect(run.stderr).toBe('');
    expect(filesUnder(join(directory, 'outside')).some((path) => path.startsWith('files/'))).toBe(true);
  });
});

describe('the configuration lookup stops at the project root', () => {
  const TURN_OFF = 'rules:\n  sbuild/shebang: off\n';
  const BAD_SHEBANG = goodRecipe().replace('#!/SBUILD ver @v1.0.0\n', '');

  it('does not read a configuration above the folder holding .git', () => {
    const directory = tree({ '.fim-lint.yaml': TURN_OFF, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/recipes/r.yaml': BAD_SHEBANG });
    const run = runCli(['--format', 'json', 'recipes/r.yaml'], { cwd: join(directory, 'repo') });
    expect(jsonResults(run)[0]!.messages.map((message) => message.ruleId)).toEqual(['sbuild/shebang']);
  });

  it('does not read a configuration above the working directory when there is no .git', () => {
    const directory = tree({ '.fim-lint.yaml': TURN_OFF, 'work/recipes/r.yaml': BAD_SHEBANG });
    const run = runCli(['--format', 'json', 'recipes/r.yaml'], { cwd: join(directory, 'work') });
    expect(jsonResults(run)[0]!.messages.map((message) => message.ruleId)).toEqual(['sbuild/shebang']);
  });

  it('still reads the configuration of the project root itself', () => {
    const directory = tree({ 'repo/.fim-lint.yaml': TURN_OFF, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/recipes/r.yaml': BAD_SHEBANG });
    const run = runCli(['--format', 'json', 'recipes/r.yaml'], { cwd: join(directory, 'repo') });
    expect(jsonResults(run)[0]!.messages).toEqual([]);
  });
});

describe('the shellcheck section of a configuration is checked', () => {
  it('keeps the other levels when a severity map names only some', () => {
    const directory = tree({ 'r.yaml': ERROR_FINDING_RECIPE, '.fim-lint.yaml': 'shellcheck:\n  severity:\n    style: off\n' });
    const run = runCli(['--format', 'json', 'r.yaml'], { cwd: directory });
    expect(run.code).toBe(1);
    expect(jsonResults(run)[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}:${m.severity}`)).toEqual(['shell/SC2068@20:10:2']);
  });

  it.each([
    ['exclude: 5', '2:12: shellcheck.exclude must be array'],
    ['exclude: [five]', '2:13: shellcheck.exclude.0 must match pattern'],
    ['enabled: "no"', '2:12: shellcheck.enabled must be boolean'],
    ['severity: { error: loud }', '2:22: shellcheck.severity.error must be off, info, warn, warning or error'],
    ['cache: "yes"', '2:10: shellcheck.cache must be boolean'],
    ['executable: ./tool', "2:3: shellcheck has an unknown key 'executable'"],
    ['cach: true', "2:3: shellcheck has an unknown key 'cach'; did you mean 'cache'?"],
  ])('refuses `%s` with exit code 2', (setting, message) => {
    const directory = tree({ 'r.yaml': goodRecipe(), '.fim-lint.yaml': `shellcheck:\n  ${setting}\n` });
    const run = runCli(['--format', 'json', 'r.yaml'], { cwd: directory });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${join(directory, '.fim-lint.yaml')}:${message}`);
    expect(run.stderr).not.toContain('internal error');
  });
});
