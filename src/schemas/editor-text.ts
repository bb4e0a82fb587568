/**
 * The `markdownDescription` of every subschema, made from its `description`. Editors on the YAML language server show
 * `markdownDescription` rendered and `description` as plain text with its Markdown escaped, so hovers showed
 * `` \`pkgver\` `` without it. The schema files are edited as text, a line (or, in a one-line subschema, a key)
 * inserted after each description, so that their layout stays as written.
 */

const DESCRIPTION_LINE = /^(\s*)"description": ("(?:[^"\\]|\\.)*")(,?)$/;
const MARKDOWN_LINE = /^\s*"markdownDescription": "(?:[^"\\]|\\.)*",?$/;
const INLINE_DESCRIPTION = /\{ "description": ("(?:[^"\\]|\\.)*"), /g;
const INLINE_MARKDOWN = /, "markdownDescription": "(?:[^"\\]|\\.)*"(?=,)/g;

function markdownOf(quoted: string): string {
  return JSON.stringify(descriptionMarkdown(JSON.parse(quoted) as string));
}

/** A description as Markdown: code spans stay, and outside them `\ * < >` are escaped so they show as written. */
export function descriptionMarkdown(description: string): string {
  return description
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\*<>]/g, (character) => `\\${character}`)))
    .join('');
}

/** The schema text with a `markdownDescription` after every `description` of a subschema, and none elsewhere. */
export function withMarkdownDescriptions(text: string): string {
  const lines: string[] = [];
  for (const line of text.replace(INLINE_MARKDOWN, '').split('\n')) {
    if (MARKDOWN_LINE.test(line)) continue;
    const match = DESCRIPTION_LINE.exec(line);
    if (!match) {
      lines.push(line);
      continue;
    }
    const [, indent, quoted, comma] = match;
    lines.push(`${indent}"description": ${quoted},`, `${indent}"markdownDescription": ${markdownOf(quoted!)}${comma}`);
  }
  // Small subschemas written on one line: `{ "description": "…", "type": "boolean" }`.
  const result = lines
    .join('\n')
    .replace(INLINE_DESCRIPTION, (_, quoted: string) => `{ "description": ${quoted}, "markdownDescription": ${markdownOf(quoted)}, `);
  const expected = JSON.stringify(addMarkdown(withoutMarkdown(JSON.parse(text))));
  if (JSON.stringify(JSON.parse(result)) !== expected) throw new Error('a "description" line is not the description of a subschema: edit the schema by hand');
  return result;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keywords whose value is a subschema, a list of them, or a map of them. */
const SCHEMA = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies `change` to a schema and each of its subschemas. */
export function mapSchemas(schema: Json, change: (node: { [key: string]: Json }) => { [key: string]: Json }): Json {
  if (!isObject(schema)) return schema;
  const node = { ...schema };
  for (const key of SCHEMA) if (key in node) node[key] = mapSchemas(node[key]!, change);
  for (const key of SCHEMA_LISTS) if (Array.isArray(node[key])) node[key] = (node[key] as Json[]).map((item) => mapSchemas(item, change));
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map)) node[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name, mapSchemas(value, change)]));
  }
  return change(node);
}

function withoutMarkdown(schema: Json): Json {
  return mapSchemas(schema, ({ markdownDescription: _, ...node }) => node);
}

function addMarkdown(schema: Json): Json {
  return mapSchemas(schema, (node) => {
    if (typeof node.description !== 'string') return node;
    const entries = Object.entries(node).flatMap(([key, value]): [string, Json][] =>
      key === 'description' ? [[key, value], ['markdownDescription', descriptionMarkdown(node.description as string)]] : [[key, value]],
    );
    return Object.fromEntries(entries);
  });
}
