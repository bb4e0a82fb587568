import type { JsonValue, Rule } from '../core/rule.js';
import { codeUnitOrder } from '../text/order.js';

type JsonObject = { [key: string]: JsonValue };

/** A ShellCheck code as a rule id: it takes a level, never options. */
export const SHELLCHECK_CODE_ID = '^shell/SC[0-9]+$';

/**
 * `$defs.rules` of the configuration schema, made from the rules: each rule id with its options, so that editors
 * complete them and the configuration is validated against them (`npm run validators:update` writes it).
 */
export function rulesSchema(rules: readonly Rule[]): JsonObject {
  const description =
    'Rule severities and options by rule id: `level` or `[level, {options}]`. `fim-lint --list-rules` lists the ids. A rule set again (in an override, or with `--rule`) keeps the options it does not name.';
  const properties = Object.fromEntries([...rules].sort((a, b) => codeUnitOrder(a.id, b.id)).map((rule) => [rule.id, ruleSettingSchema(rule)]));
  return {
    description,
    type: 'object',
    properties,
    patternProperties: { [SHELLCHECK_CODE_ID]: { description: 'A ShellCheck finding by code, e.g. `shell/SC2086`: its level.', $ref: '#/$defs/ruleWithoutOptions' } },
    additionalProperties: false,
  };
}

/** A rule's setting: `level`, `[level]` or `[level, {options}]`. */
function ruleSettingSchema(rule: Rule): JsonObject {
  const description = `${rule.description}. Default: ${rule.optIn ? 'off until configured' : rule.severity}.`;
  if (!rule.options) return { description, $ref: '#/$defs/ruleWithoutOptions' };
  const options = { type: 'array', prefixItems: [{ $ref: '#/$defs/level' }, optionsSchema(rule)], minItems: 1, maxItems: 2 };
  return { description, anyOf: [{ $ref: '#/$defs/level' }, options] };
}

/** The JSON Schema of a rule's options object: its declared options, nothing else. */
export function optionsSchema(rule: Pick<Rule, 'options'>): JsonObject {
  const properties = Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, { ...option } as unknown as JsonObject]));
  return { type: 'object', properties, additionalProperties: false };
}

const RULES_DEF = /^ {4}"rules": \{\n[\s\S]*?\n {4}\}(,?)$/m;

/** The configuration schema's text with `$defs.rules` made from the rules; the rest of the file stays as written. */
export function withRulesSchema(text: string, rules: readonly Rule[]): string {
  if (!RULES_DEF.test(text)) throw new Error('the configuration schema has no "rules" definition in $defs');
  return text.replace(RULES_DEF, (_, comma: string) => `    "rules": ${formatJson(rulesSchema(rules), 4)}${comma}`);
}

const WIDTH = 120;

/** JSON as the schema files are written: a small subschema on one line, `{ "type": "boolean" }`, a larger one spread. */
export function formatJson(value: JsonValue, indent: number): string {
  const inline = inlineJson(value);
  if (inline.length + indent <= WIDTH && !inline.includes('"description"')) return inline;
  if (Array.isArray(value)) {
    const items = value.map((item) => `${' '.repeat(indent + 2)}${formatJson(item, indent + 2)}`);
    return `[\n${items.join(',\n')}\n${' '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${' '.repeat(indent + 2)}${JSON.stringify(key)}: ${formatJson(item, indent + 2)}`);
    return `{\n${entries.join(',\n')}\n${' '.repeat(indent)}}`;
  }
  return inline;
}

function inlineJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
