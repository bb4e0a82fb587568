import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/core/registry.js';
import { ENGINE_IDS } from '../src/core/engine-failure.js';
import { docsUrl } from '../src/core/rule.js';
import { lint } from './helpers.js';

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

  it('every doc page names its rule, its severity and fixability as the rule declares them, and has every section', async () => {
    for (const rule of await loadRules()) {
      const page = readFileSync(join(docsRoot, `${rule.id}.md`), 'utf8');
      expect(page.startsWith(`# ${rule.id}\n`), rule.id).toBe(true);
      const header = /^\*\*Severity:\*\* (\w+).* · \*\*Fixable:\*\* (yes|no)\b(?:, (safe|unsafe)\b)?/m.exec(page);
      expect(header?.slice(1), `${rule.id}: the **Severity:** … · **Fixable:** yes, <safety> … line`).toEqual([rule.severity, rule.fixable ? 'yes' : 'no', rule.fixable]);
      for (const section of ['## What it checks', '## Why', '## Examples', 'Failing', 'Passing', '## Options', '## Suppressing']) {
        expect(page, `${rule.id}: ${section}`).toContain(section);
      }
    }
  });

  it("every doc page has a '### Builder behaviour' subsection in its '## Why'", async () => {
    for (const rule of await loadRules()) {
      const page = readFileSync(join(docsRoot, `${rule.id}.md`), 'utf8');
      const why = page.split(/^## /m).find((section) => section.startsWith('Why\n')) ?? '';
      expect(why, `${rule.id}: ### Builder behaviour in ## Why`).toMatch(/^### Builder behaviour\n\S/m);
    }
  });

  it("each rule's documentation URL is its doc page, and diagnostics carry it", async () => {
    const ids = new Set((await loadRules()).map((rule) => rule.id));
    for (const id of ids) expect(docsUrl(id).endsWith(`/docs/rules/${id}.md`), id).toBe(true);
    for (const id of Object.values(ENGINE_IDS)) {
      expect(docsUrl(id)).toBe(`https://github.com/fim-lint/fim-lint/blob/main/docs/${id}.md`);
      expect(existsSync(fileURLToPath(new URL(`../docs/${id}.md`, import.meta.url))), id).toBe(true);
    }
    const broken = readFileSync(new URL('../recipes-examples/broken/static.official.stable.yaml', import.meta.url), 'utf8');
    const diagnostics = await lint(broken.replace('#!/SBUILD ver @v1.0.0\n', ''));
    expect(diagnostics.length).toBeGreaterThan(2);
    // Codes a rule reports on behalf of a tool (ShellCheck's) link to that tool's pages instead.
    for (const diagnostic of diagnostics.filter((d) => ids.has(d.ruleId))) {
      expect(diagnostic.url, diagnostic.ruleId).toBe(docsUrl(diagnostic.ruleId));
      expect(existsSync(join(docsRoot, `${diagnostic.ruleId}.md`)), diagnostic.ruleId).toBe(true);
    }
  });
});
