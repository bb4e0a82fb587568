import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { PRECOMPILED, schemasPath } from '../schemas/precompiled.js';
import { closest, didYouMean } from '../text/near-miss.js';
import { orList } from '../text/or-list.js';

/** Where a configuration lives in its file: the file's text, and the key that holds it (`fim-lint` in package.json). */
export interface ConfigSource {
  path: string;
  text: string;
  /** Keys from the top of the file down to the configuration. */
  prefix: readonly string[];
}

/**
 * `path:line:column: message` for a place in a configuration, given as keys (`['rules', 'sbuild/host', '1']`); `key`
 * points at the key of the last segment rather than its value. Without a position (the text does not parse the same
 * way), `path: message`.
 */
export function configProblem(source: ConfigSource, segments: readonly string[], message: string, key = false): string {
  const counter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter: counter, uniqueKeys: false });
  const node = nodeAt(document.contents, [...source.prefix, ...segments], key);
  if (!node?.range) return `${source.path}: ${message}`;
  const { line, col } = counter.linePos(node.range[0]);
  return `${source.path}:${line}:${col}: ${message}`;
}

/** The deepest node of the path that exists: a misplaced value is shown where it is, a missing one at its parent. */
function nodeAt(root: unknown, segments: readonly string[], key: boolean): Node | undefined {
  let node = root as Node | undefined;
  for (const [index, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return node;
      if (key && index === segments.length - 1) return pair.key as Node;
      node = (pair.value ?? pair.key) as Node;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!item) return node;
      node = item as Node;
    } else {
      return node;
    }
  }
  return node;
}

/** The first schema error of a configuration, as a sentence that says what is wrong and what is expected. */
export function describeSchemaError(source: ConfigSource, errors: readonly ErrorObject[]): string {
  // The deepest error says the most: `[error, {requireLowercse: true}]` fails as a level first, then in its options.
  const error = errors.reduce<ErrorObject | undefined>((deepest, candidate) => (!deepest || depth(candidate) > depth(deepest) ? candidate : deepest), undefined);
  if (!error) return `${source.path}: invalid configuration`;
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const rule = ruleSegments(segments);
  if (error.keyword === 'additionalProperties') {
    const unknown = String(error.params.additionalProperty);
    const known = knownKeys(segments);
    return configProblem(source, [...segments, unknown], unknownKey(segments, rule, unknown, known), true);
  }
  const expected = error.keyword === 'enum' ? `must be ${orList((error.params.allowedValues as unknown[]).map(String))}` : (error.message ?? 'is invalid');
  if (rule && (rule.rest.length === 0 || rule.rest[0] === '0')) {
    return configProblem(source, segments, `${rule.where} must be off, info, warn, warning or error, or [level, {options}]`);
  }
  if (rule?.rest.length === 1) return configProblem(source, segments, `${rule.where}: the options ${expected}, as in [error, { name: value }]`);
  if (rule) return configProblem(source, segments, `${rule.where}: option '${rule.rest.slice(1).join('.')}' ${expected}`);
  return configProblem(source, segments, `${segments.length > 0 ? segments.join('.') : 'the configuration'} ${expected}`);
}

function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length;
}

/** The setting of one rule: `rules.sbuild/host` (or `overrides.0.rules.…`), and the path inside it. */
function ruleSegments(segments: readonly string[]): { where: string; rest: string[] } | undefined {
  const index = segments[0] === 'rules' ? 0 : segments[0] === 'overrides' && segments[2] === 'rules' ? 2 : -1;
  if (index === -1 || segments.length < index + 2) return undefined;
  return { where: segments.slice(0, index + 2).join('.'), rest: segments.slice(index + 2) };
}

function unknownKey(segments: readonly string[], rule: { where: string; rest: string[] } | undefined, unknown: string, known: string[]): string {
  const suggestion = closest(unknown, known);
  const hint = suggestion ? `; ${didYouMean([suggestion])}` : '';
  if (rule && rule.rest.length === 1) {
    if (known.length === 0) return `${rule.where}: unknown option '${unknown}': the rule takes no options`;
    return `${rule.where}: unknown option '${unknown}'${hint || `: the rule takes ${orList(known)}`}`;
  }
  if (segments[segments.length - 1] === 'rules') return `unknown rule '${unknown}'${hint || ' (fim-lint --list-rules lists the rules)'}`;
  const where = segments.length > 0 ? segments.join('.') : 'the configuration';
  return `${where} has an unknown key '${unknown}'${hint || `: expected ${orList(known)}`}`;
}

type Schema = { [key: string]: unknown };
let configSchema: Schema | undefined;

/** The keys the schema names for the object at a path of the configuration. */
function knownKeys(segments: readonly string[]): string[] {
  configSchema ??= JSON.parse(readFileSync(schemasPath(PRECOMPILED.config.schema), 'utf8')) as Schema;
  const root = configSchema;
  let candidates = expand(root, root);
  for (const segment of segments) {
    candidates = candidates.flatMap((schema) => {
      const properties = schema.properties as Record<string, Schema> | undefined;
      if (properties?.[segment]) return expand(properties[segment], root);
      const prefixItems = schema.prefixItems as Schema[] | undefined;
      if (prefixItems && /^\d+$/.test(segment)) return prefixItems[Number(segment)] ? expand(prefixItems[Number(segment)]!, root) : [];
      if (schema.items && /^\d+$/.test(segment)) return expand(schema.items as Schema, root);
      const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>).filter(([pattern]) => new RegExp(pattern).test(segment));
      return patterns.flatMap(([, pattern]) => expand(pattern, root));
    });
  }
  return [...new Set(candidates.flatMap((schema) => Object.keys((schema.properties ?? {}) as object)))];
}

/** A subschema with its `$ref` followed and its `anyOf`/`oneOf` branches as alternatives. */
function expand(schema: Schema, root: Schema): Schema[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema)[key], root) as Schema;
    return expand(target, root);
  }
  const branches = [...((schema.anyOf ?? []) as Schema[]), ...((schema.oneOf ?? []) as Schema[])];
  return branches.length > 0 ? branches.flatMap((branch) => expand(branch, root)) : [schema];
}
