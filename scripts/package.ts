import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/paths.js';

/**
 * `npm run package`: the npm package, as `fim-lint-<version>.tgz` in the working directory. The build bundles every
 * dependency, so the package's manifest keeps no dependencies and no scripts: it installs as one package, with
 * nothing to build and no install script for npm to warn about. (`npm pack` in the checkout works too, but its
 * manifest keeps the `prepare` script that builds a fresh clone.)
 */
interface Manifest {
  files: string[];
  scripts?: unknown;
  devDependencies?: unknown;
  allowScripts?: unknown;
}

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Manifest;
const staging = mkdtempSync(join(tmpdir(), 'fim-lint-package-'));
try {
  for (const entry of [...manifest.files, 'README.md', 'LICENSE']) {
    cpSync(join(projectRoot, entry), join(staging, entry), { recursive: true });
  }
  const { scripts: _scripts, devDependencies: _devDependencies, allowScripts: _allowScripts, ...published } = manifest;
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  const tarball = execFileSync('npm', ['pack', staging, '--pack-destination', process.cwd(), '--silent'], { encoding: 'utf8', timeout: 120_000 });
  console.log(tarball.trim());
} finally {
  rmSync(staging, { recursive: true, force: true });
}
