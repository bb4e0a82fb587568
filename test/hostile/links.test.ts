import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRecipe, root, runCli, tempTree } from './cli.js';

const directories: string[] = [];
function tree(files: Record<string, string | Uint8Array> = {}): string {
  const directory = tempTree(files);
  directories.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A recipe whose only problem is fixable (`_disabled: "false"` becomes `_disabled: false`). */
const FIXABLE = goodRecipe().replace('_disabled: false', '_disabled: "false"');
const VICTIM = 'export PATH="$HOME/bin:$PATH"\n';

/** A repository (`repo/`) beside files of the user it must never write (`outside/`). */
function repositoryBesideVictims(repo: Record<string, string>, outside: Record<string, string>): { top: string; repo: string; outside: string } {
  const top = tree({ ...prefixed('repo/', repo), ...prefixed('outside/', outside) });
  return { top, repo: join(top, 'repo'), outside: join(top, 'outside') };
}

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [prefix + name, text]));
}

describe('--emit-validated and a committed <file>.validated link', () => {
  it('neither follows nor replaces the link: the file it points to keeps its bytes, and the run exits 2', () => {
    const { repo, outside } = repositoryBesideVictims({ 'r.yaml': goodRecipe() }, { '.bashrc': VICTIM });
    symlinkSync(join(outside, '.bashrc'), join(repo, 'r.yaml.validated'));
    const run = runCli(['--emit-validated', repo]);
    expect(readFileSync(join(outside, '.bashrc'), 'utf8')).toBe(VICTIM);
    expect(lstatSync(join(repo, 'r.yaml.validated')).isSymbolicLink()).toBe(true);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`fim-lint: cannot write ${join(repo, 'r.yaml.validated')}: it is a symbolic link, and fim-lint never writes through a link`);
  });

  it('does not follow a walked link out of the tree: what it points to is neither linted nor written beside', () => {
    const { repo, outside } = repositoryBesideVictims({ 'own.yaml': goodRecipe('own') }, { 'r.yaml': goodRecipe() });
    symlinkSync(join(outside, 'r.yaml'), join(repo, 'linked.yaml'));
    const run = runCli(['--emit-validated', '-f', 'json', repo]);
    expect(run.code).toBe(0);
    expect(readdirSync(outside)).toEqual(['r.yaml']);
    expect(readdirSync(repo).sort()).toEqual(['linked.yaml', 'own.yaml', 'own.yaml.validated']);
    expect(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath)).toEqual([join(repo, 'own.yaml')]);
    expect(run.stderr).toBe('');
  });

  it('does not walk a link to / (a repository can hold one): only the tree itself is linted', () => {
    const { repo } = repositoryBesideVictims({ 'own.yaml': goodRecipe('own') }, {});
    symlinkSync('/', join(repo, 'root'));
    const run = runCli(['-f', 'json', '--no-shellcheck', repo], { timeoutMs: 20_000 });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath)).toEqual([join(repo, 'own.yaml')]);
  });
});

describe('--fix and symbolic links', () => {
  it('never rewrites a recipe reached through a linked folder inside the tree', () => {
    const { repo } = repositoryBesideVictims({ 'README.md': 'x', 'real/r.yaml': FIXABLE }, {});
    symlinkSync(join(repo, 'real'), join(repo, 'linked'));
    const run = runCli(['--fix', repo]);
    expect(readFileSync(join(repo, 'real/r.yaml'), 'utf8')).toBe(FIXABLE);
    expect(run.stderr).toBe(`fim-lint: ${join(repo, 'linked/r.yaml')} was not fixed: it is reached through the symbolic link ${join(repo, 'linked')}; run --fix on the file it points to\n`);
  });

  it('does not read a link named on the command line that leads out of the working directory (a changed file a pull request names)', () => {
    const { repo, outside } = repositoryBesideVictims({ 'README.md': 'x' }, { 'r.yaml': FIXABLE });
    symlinkSync('../outside/r.yaml', join(repo, 'r.yaml'));
    const run = runCli(['--fix', 'r.yaml'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(readFileSync(join(outside, 'r.yaml'), 'utf8')).toBe(FIXABLE);
    expect(run.stderr).toBe(`fim-lint: r.yaml is a symbolic link to ${realpathSync(join(outside, 'r.yaml'))}, outside the working directory, and is not read: name that path itself to lint it\n`);
  });

  it('reads a path the user names outside the working directory, through a link or not (../shared/…)', () => {
    const { top, repo } = repositoryBesideVictims({ 'README.md': 'x' }, { 'r.yaml': goodRecipe() });
    symlinkSync(join(top, 'outside'), join(top, 'linked'));
    const run = runCli(['-f', 'json', '../linked/r.yaml'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath)).toEqual([join(top, 'linked/r.yaml')]);
  });

  it('never rewrites a link named on the command line to a file inside the working directory', () => {
    const { repo } = repositoryBesideVictims({ 'real.yaml': FIXABLE }, {});
    symlinkSync('real.yaml', join(repo, 'r.yaml'));
    const run = runCli(['--fix', 'r.yaml'], { cwd: repo });
    expect(readFileSync(join(repo, 'real.yaml'), 'utf8')).toBe(FIXABLE);
    expect(run.stderr).toBe('fim-lint: r.yaml was not fixed: it is a symbolic link; run --fix on the file it points to\n');
  });
});

describe('report files and links', () => {
  it('-f sarif=fim-lint.sarif neither truncates nor replaces the target of a committed link of that name', () => {
    const { repo, outside } = repositoryBesideVictims({ 'r.yaml': goodRecipe() }, { '.bashrc': VICTIM });
    symlinkSync(join(outside, '.bashrc'), join(repo, 'fim-lint.sarif'));
    const run = runCli(['-f', 'sarif=fim-lint.sarif', '.'], { cwd: repo });
    expect(readFileSync(join(outside, '.bashrc'), 'utf8')).toBe(VICTIM);
    expect(lstatSync(join(repo, 'fim-lint.sarif')).isSymbolicLink()).toBe(true);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fim-lint: cannot write the report fim-lint.sarif: fim-lint.sarif is a symbolic link, and fim-lint never writes through a link');
  });

  it('writes no report into a folder that is a committed link', () => {
    const { repo, outside } = repositoryBesideVictims({ 'r.yaml': goodRecipe() }, { 'ssh/keep': '' });
    symlinkSync(join(outside, 'ssh'), join(repo, 'reports'));
    const run = runCli(['-f', 'json=reports/out.json', '.'], { cwd: repo });
    expect(readdirSync(join(outside, 'ssh'))).toEqual(['keep']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fim-lint: cannot write the report reports/out.json: reports is a symbolic link, and fim-lint never writes through a link');
  });

  it('still writes a report to a device, and to a new file in a new folder', () => {
    const directory = tree({ 'r.yaml': goodRecipe() });
    const run = runCli(['-f', 'json=/dev/null', '-f', 'sarif=deep/er/out.sarif', '.'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(directory, 'deep/er/out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(join(directory, 'deep/er'))).toEqual(['out.sarif']);
  });
});

describe('a --fix interrupted while it writes', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`leaves no temporary file on ${signal}`, async () => {
      const directory = tree({ 'r.yaml': 'old\n' });
      const write = pathToFileURL(join(root, 'dist/src/fix/write.js')).href;
      // The write of --fix, with content large enough that the signal arrives while the temporary file is written.
      const script = `
        import { readdirSync, statSync } from 'node:fs';
        import { writeFileAtomic } from ${JSON.stringify(write)};
        const directory = ${JSON.stringify(directory)};
        void writeFileAtomic(directory + '/r.yaml', new Uint8Array(256 * 1024 * 1024).fill(35));
        const poll = setInterval(() => {
          const writing = readdirSync(directory).find((name) => name.endsWith('.tmp'));
          if (writing && statSync(directory + '/' + writing).size > 0) { clearInterval(poll); console.log('writing'); }
        }, 1);
      `;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.once('data', () => child.kill(signal));
      await new Promise((resolve) => child.on('exit', resolve));
      expect(readdirSync(directory)).toEqual(['r.yaml']);
      expect(readFileSync(join(directory, 'r.yaml'), 'utf8')).toBe('old\n');
    });
  }
});

