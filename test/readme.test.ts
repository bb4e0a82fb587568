import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/core/registry.js';
import { lintPaths } from '../src/core/run.js';
import { stylish } from '../src/reporters/stylish.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const START = '<!-- rules-table -->\n';
const END = '<!-- /rules-table -->';
const SAMPLE_START = '<!-- output-sample -->\n';
const SAMPLE_END = '<!-- /output-sample -->';

/** The README's rules table, made from the rule registry so that it cannot drift. */
async function rulesTable(): Promise<string> {
  const namespaceOrder = ['yaml', 'sbuild', 'flatimage', 'shell'];
  const rules = (await loadRules()).slice().sort((a, b) => {
    const [na, nb] = [a.id.split('/')[0]!, b.id.split('/')[0]!];
    return namespaceOrder.indexOf(na) - namespaceOrder.indexOf(nb) || a.id.localeCompare(b.id);
  });
  return rules
    .map((rule) => `| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.optIn ? 'off (opt-in)' : rule.severity}${rule.fixable ? ` (fixable, ${rule.fixable})` : ''} | ${rule.description} |\n`)
    .join('');
}

describe('README', () => {
  it('lists every rule with its default severity (UPDATE_README=1 rewrites the table)', async () => {
    const readme = readFileSync(readmeUrl, 'utf8');
    const start = readme.indexOf(START) + START.length;
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(START.length - 1);
    const expected = await rulesTable();
    if (process.env.UPDATE_README) writeFileSync(readmeUrl, readme.slice(0, start) + expected + readme.slice(end));
    expect(readFileSync(readmeUrl, 'utf8').slice(start, readFileSync(readmeUrl, 'utf8').indexOf(END))).toBe(expected);
  });

  it('shows what `fim-lint recipes-examples/broken/` prints at 80 columns (UPDATE_README=1 rewrites the sample)', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const run = await lintPaths([join(root, 'recipes-examples/broken/')], {});
    const sample = stylish(run.results, { color: false, cwd: root, skipped: run.skipped, width: 80 }) as string;
    const readme = readFileSync(readmeUrl, 'utf8');
    const [start, end] = [readme.indexOf(SAMPLE_START) + SAMPLE_START.length, readme.indexOf(SAMPLE_END)];
    expect(start).toBeGreaterThan(SAMPLE_START.length - 1);
    const expected = `\`\`\`\n${sample}\`\`\`\n`;
    if (process.env.UPDATE_README) writeFileSync(readmeUrl, readme.slice(0, start) + expected + readme.slice(end));
    const current = readFileSync(readmeUrl, 'utf8');
    expect(current.slice(start, current.indexOf(SAMPLE_END))).toBe(expected);
  });

  it('shows the two quick-start commands', () => {
    const readme = readFileSync(readmeUrl, 'utf8');
    expect(readme).toContain('npm install && npx fim-lint recipes-examples/\nnpm test\n');
  });

  it('names, for each promise of the security section, test files that exist', () => {
    const readme = readFileSync(readmeUrl, 'utf8');
    const section = readme.slice(readme.indexOf('\n## Security\n'), readme.indexOf('\n## ', readme.indexOf('\n## Security\n') + 1));
    const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Promise') && !line.startsWith('| ---'));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      const files = [...(row.split('|').at(-2) ?? '').matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((match) => match[1]!);
      expect(files, row).not.toEqual([]);
      for (const file of files) expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true);
    }
  });
});
