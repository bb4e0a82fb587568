import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/core/registry.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** What a built module imports: `from "…"` at the start of a line, as esbuild writes its imports. */
function importedModules(path: string): Set<string> {
  return new Set([...readFileSync(path, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]!));
}

describe('npm run build', () => {
  it.each(['bin.js', 'worker.js', 'index.js', 'language-server.js'])('bundles dist/src/%s: it imports only Node built-ins', (name) => {
    const imported = [...importedModules(join(root, 'dist/src', name))];
    expect(imported.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
  });

  it('bundles the yaml build that reads no environment: LOG_TOKENS and LOG_STREAM leave a JSON report as it is', () => {
    const lint = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [join(root, 'dist/src/bin.js'), '--no-shellcheck', '-f', 'json', 'recipes-examples/'], { cwd: root, encoding: 'utf8', env });
    const plain = lint(process.env);
    const logging = lint({ ...process.env, LOG_TOKENS: '1', LOG_STREAM: '1' });
    expect(JSON.parse(plain.stdout)).not.toHaveLength(0);
    expect(logging.stdout).toBe(plain.stdout);
    expect(logging.stderr).toBe(plain.stderr);
  });

  it('puts every rule file in the bundle, in the order of the registry', async () => {
    const listed = spawnSync(process.execPath, [join(root, 'dist/src/bin.js'), '--list-rules'], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0])).toEqual((await loadRules()).map((rule) => rule.id));
  });
});

/** package.json's bins, as npm links them. */
function packageBins(): [string, string][] {
  const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return Object.entries(bin);
}

// `npm test` rebuilds dist/ before these tests run, so they see a bin as it is after a rebuild, not after `npm install`.
describe('every bin after a rebuild', () => {
  it.each(packageBins())('%s (%s) is executable', (_name, file) => {
    expect(() => accessSync(join(root, file), constants.X_OK)).not.toThrow();
  });

  it.each(packageBins())('%s (%s) starts through its own path, as the link npm makes for it', (_name, file) => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = spawnSync(join(root, file), ['--version'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim()).toBe(version);
  });

  it('lints the bundled examples when started through its path, as `npx fim-lint recipes-examples/` does', () => {
    const run = spawnSync(join(root, 'dist/src/bin.js'), ['--no-shellcheck', '-f', 'json', 'recipes-examples/'], { cwd: root, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(1);
    const files = JSON.parse(run.stdout) as { filePath: string }[];
    expect(files.length).toBeGreaterThan(10);
  });
});
