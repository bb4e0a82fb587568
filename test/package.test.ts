import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'fim-lint-package-test-'));
const project = join(workspace, 'project');
let install: ReturnType<typeof spawnSync>;

/** Bytes of every file under a folder. */
function folderSize(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

// `npm run package` after the build that `npm test` has made; installed into an empty project as a user installs it.
beforeAll(() => {
  const packed = spawnSync(process.execPath, [join(root, 'dist/scripts/package.js')], { cwd: workspace, encoding: 'utf8', timeout: 180_000 });
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(workspace, packed.stdout.trim());
  spawnSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), '{"name": "empty", "version": "1.0.0", "private": true}\n');
  install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: project, encoding: 'utf8', timeout: 180_000 });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the packed package installed into an empty project', () => {
  it('installs as one package, without an install-script warning', () => {
    expect(install.status, String(install.stderr)).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/install.?script/i);
    expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['fim-lint']);
  });

  it('takes at most 8 MB', () => {
    expect(folderSize(join(project, 'node_modules'))).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('lints the examples, shell scripts included, through the bin npm linked', () => {
    const run = spawnSync(join(project, 'node_modules/.bin/fim-lint'), ['--no-shellcheck', '-f', 'json', join(root, 'recipes-examples')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(1);
    const ruleIds = (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((message) => message.ruleId));
    expect(ruleIds).toContain('flatimage/no-binary-rewrite');
  });

  it('serves the library entry point', () => {
    const script = `import('fim-lint').then((m) => m.lintPaths([${JSON.stringify(join(root, 'recipes-examples'))}], {})).then((r) => console.log(r.results.length))`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout)).toBeGreaterThan(10);
  });
});
