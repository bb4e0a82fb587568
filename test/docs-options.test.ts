import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/core/registry.js';
import type { RuleOption } from '../src/core/rule.js';
import { schemasPath } from '../src/schemas/precompiled.js';
import { orList } from '../src/text/or-list.js';

const rules = await loadRules();

function page(id: string): string {
  return readFileSync(new URL(`../docs/rules/${id}.md`, import.meta.url), 'utf8');
}

/** The text of a page's `## Options` section. */
function optionsSection(text: string): string {
  const start = text.indexOf('\n## Options\n');
  if (start === -1) return '';
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start + '\n## Options\n'.length, end === -1 ? undefined : end);
}

/** How a page writes an option's type: `boolean`, or its values (`` `"auto"`, `0`, `1` or `2` ``). */
function typeText(option: RuleOption): string {
  if (option.enum) return orList(option.enum.map((value) => `\`${JSON.stringify(value)}\``));
  return option.type === 'array' ? `array of ${String(option.items?.type)}` : String(option.type);
}

/** The option lines of a section: `` - `name` (type; default `value`): … ``. */
function documentedOptions(section: string): Record<string, string> {
  const lines = [...section.matchAll(/^- `(\w+)` \((.*?); default (`[^`]*`)\)/gm)];
  return Object.fromEntries(lines.map(([, name, type, value]) => [name, `${type}; default ${value}`]));
}

describe("the rule pages' Options sections", () => {
  it('name every option of the rule with its type and default, and no other; a rule without options says None', () => {
    for (const rule of rules) {
      const section = optionsSection(page(rule.id));
      const expected = Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, `${typeText(option)}; default \`${JSON.stringify(option.default)}\``]));
      expect(documentedOptions(section), rule.id).toEqual(expected);
      if (!rule.options) expect(section.startsWith('None'), `${rule.id}: "None" first in ## Options`).toBe(true);
    }
  });

  it('shell/shellcheck lists every setting of the shellcheck section with its default, as the schema gives it', () => {
    const schema = JSON.parse(readFileSync(schemasPath('fim-lint-config.schema.json'), 'utf8')) as { $defs: { shellcheck: { properties: Record<string, { default: unknown }> } } };
    const rows = [...optionsSection(page('shell/shellcheck')).matchAll(/^\| `(\w+)` \| (`[^|]*`) \|/gm)];
    const documented = Object.fromEntries(rows.map(([, name, value]) => [name, value]));
    const expected = Object.fromEntries(Object.entries(schema.$defs.shellcheck.properties).map(([name, property]) => [name, `\`${JSON.stringify(property.default)}\``]));
    expect(documented).toEqual(expected);
  });
});
