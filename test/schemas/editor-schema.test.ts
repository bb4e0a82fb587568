import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptionMarkdown, mapSchemas, withMarkdownDescriptions } from '../../src/schemas/editor-text.js';
import { schemasPath } from '../../src/schemas/precompiled.js';
import { withRulesSchema } from '../../src/schemas/config-rules.js';
import { loadRules } from '../../src/core/registry.js';

type Node = Record<string, unknown>;
const CONFIG = 'fim-lint-config.schema.json';
const files = ['sbuild.schema.json', CONFIG];
const rules = await loadRules();
const sbuild = JSON.parse(readFileSync(schemasPath('sbuild.schema.json'), 'utf8')) as Node;

/** Every subschema of a schema. */
function subschemas(schema: Node): Node[] {
  const found: Node[] = [];
  mapSchemas(schema as never, (node) => {
    found.push(node);
    return node;
  });
  return found;
}

/**
 * What the YAML language server offers when completing a value: `enum`, `const`, `default`, `examples` and
 * `defaultSnippets` of the schema and its `anyOf`/`oneOf`/`allOf` branches, and `null` where one of them has type null.
 */
function valueCompletions(schema: Node): unknown[] {
  const values: unknown[] = [];
  const visit = (node: Node) => {
    for (const key of ['enum', 'examples']) if (Array.isArray(node[key])) values.push(...(node[key] as unknown[]));
    if ('const' in node) values.push(node.const);
    if ('default' in node) values.push(node.default);
    if (Array.isArray(node.defaultSnippets)) values.push(...(node.defaultSnippets as { body: unknown }[]).map((snippet) => snippet.body));
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes('null')) values.push(null);
    for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(node[key])) (node[key] as Node[]).forEach(visit);
  };
  visit(schema);
  return values;
}

const xExec = (sbuild.$defs as Record<string, Node>).xExec!.properties as Record<string, Node>;
const properties = sbuild.properties as Record<string, Node>;

describe('the editor schemas', () => {
  it.each(files)('%s gives every description as Markdown for hovers, and every rule with its options (UPDATE_VALIDATORS=1 adds them)', (file) => {
    const path = schemasPath(file);
    const text = readFileSync(path, 'utf8');
    const expected = withMarkdownDescriptions(file === CONFIG ? withRulesSchema(text, rules) : text);
    if (process.env.UPDATE_VALIDATORS) writeFileSync(path, expected);
    expect(readFileSync(path, 'utf8')).toBe(expected);
    const nodes = subschemas(JSON.parse(expected) as Node).filter((node) => typeof node.description === 'string');
    expect(nodes.length).toBeGreaterThan(file === 'sbuild.schema.json' ? 90 : 5);
    for (const node of nodes) expect(node.markdownDescription).toBe(descriptionMarkdown(node.description as string));
  });

  it('keeps code spans in the Markdown and escapes what Markdown would swallow outside them', () => {
    expect(descriptionMarkdown('Quote numeric versions (`"1.0"`, not `1.0`).')).toBe('Quote numeric versions (`"1.0"`, not `1.0`).');
    expect(descriptionMarkdown('A FlatImage pkg is <name>-<base>, `*` globs and *.png files')).toBe('A FlatImage pkg is \\<name\\>-\\<base\\>, `*` globs and \\*.png files');
    expect(xExec.pkgver!.markdownDescription).toContain('`${SBUILD_OUTDIR}/<pkg>.version`');
  });

  it('does not offer "" or null as a pkg_type, but still accepts them', () => {
    const offered = valueCompletions(properties.pkg_type!);
    expect(offered).toEqual(expect.arrayContaining(['static', 'appimage', 'flatimage']));
    expect(offered).not.toContain('');
    expect(offered).not.toContain(null);
  });

  it('completes x_exec.pkgver and x_exec.run with templates whose placeholders name no project', () => {
    for (const field of [xExec.pkgver!, xExec.run!]) {
      const offered = valueCompletions(field);
      expect(offered.length).toBeGreaterThan(0);
      for (const value of offered) {
        expect(typeof value).toBe('string');
        expect(value).not.toMatch(/86Box/i);
        // A shell variable is escaped so that the editor does not read it as a snippet variable.
        expect(value).not.toMatch(/(?<!\\)\$\{[A-Z]/);
      }
    }
    expect(valueCompletions(xExec.pkgver!)).toContain(`curl -qfsSL "https://api.github.com/repos/\${1:owner}/\${2:repo}/releases/latest" | jq -r '.tag_name'\n`);
  });

  it('offers a whole recipe with the required fields, and the build section, as snippets', () => {
    const [recipe] = sbuild.defaultSnippets as { body: Record<string, unknown> }[];
    for (const key of sbuild.required as string[]) expect(Object.keys(recipe!.body)).toContain(key);
    const required = ((sbuild.$defs as Record<string, Node>).xExec!.required as string[]) ?? [];
    const [build] = (sbuild.$defs as Record<string, Node>).xExec!.defaultSnippets as { body: Record<string, unknown> }[];
    for (const key of required) expect(Object.keys(build!.body)).toContain(key);
  });
});
