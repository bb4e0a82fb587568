import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  it.each(['bin.js', 'worker.js'])('bundles dist/src/%s: it imports only Node built-ins and web-tree-sitter', (name) => {
    const imported = [...importedModules(join(root, 'dist/src', name))];
    expect(imported.filter((specifier) => !specifier.startsWith('node:'))).toEqual(['web-tree-sitter']);
  });

  it('puts every rule file in the bundle, in the order of the registry', async () => {
    const listed = spawnSync(process.execPath, [join(root, 'dist/src/bin.js'), '--list-rules'], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0])).toEqual((await loadRules()).map((rule) => rule.id));
  });
});
