import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/core/registry.js';

const docsRoot = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const testsRoot = fileURLToPath(new URL('./rules/', import.meta.url));

function markdownPages(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownPages(join(directory, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith('.md') ? [`${prefix}${entry.name.slice(0, -3)}`] : [],
  );
}

describe('rule docs and tests', () => {
  it('every rule has a doc page and every doc page has a rule', async () => {
    const ids = (await loadRules()).map((rule) => rule.id).sort();
    expect(markdownPages(docsRoot).sort()).toEqual(ids);
  });

  it('every rule has a test file', async () => {
    const missing = (await loadRules()).map((rule) => rule.id).filter((id) => !existsSync(join(testsRoot, `${id}.test.ts`)));
    expect(missing).toEqual([]);
  });

  it('every doc page names its rule, severity and examples', async () => {
    for (const rule of await loadRules()) {
      const page = await import('node:fs').then((fs) => fs.readFileSync(join(docsRoot, `${rule.id}.md`), 'utf8'));
      expect(page.startsWith(`# ${rule.id}\n`), rule.id).toBe(true);
      expect(page, rule.id).toContain('## What it checks');
      expect(page, rule.id).toContain('## Examples');
    }
  });
});
