import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/paths.js';
import type { PathSegment, Recipe } from '../recipe/recipe.js';
import { perRecipe } from '../recipe/per-recipe.js';
import { getOrMake } from '../core/get-or-make.js';

/** A (sub)schema of `schemas/sbuild.schema.json`, read as plain JSON. */
export type Schema = Record<string, unknown>;

/** The JSON types a YAML value can have once built, named as JSON Schema names them. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

let loaded: Schema | undefined;

/** The SBUILD JSON Schema: the single source of truth for the structure of a recipe. */
export function sbuildSchema(): Schema {
  loaded ??= JSON.parse(readFileSync(join(projectRoot, 'schemas', 'sbuild.schema.json'), 'utf8')) as Schema;
  return loaded;
}

const TYPE_NAMES: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'a map',
  null: 'nothing (an empty value)',
};

/** A JSON type as messages name it: `a list`, `nothing (an empty value)`. */
export function typeName(type: JsonType): string {
  return TYPE_NAMES[type];
}

export function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string') return type;
  return 'object';
}

/**
 * The alternatives a schema allows, each with its `$ref` followed and its `oneOf`/`anyOf` flattened. Keywords written
 * beside a `$ref` or a `oneOf` (a description, an `x-` annotation) are kept on every alternative.
 */
export function alternatives(schema: Schema): Schema[] {
  let found = flattened.get(schema);
  if (!found) {
    found = flatten(schema);
    flattened.set(schema, found);
  }
  return found;
}

const flattened = new WeakMap<Schema, Schema[]>();

function flatten(schema: Schema): Schema[] {
  const { $ref, oneOf, anyOf, ...own } = schema;
  if (typeof $ref === 'string') return alternatives(resolveRef($ref)).map((target) => ({ ...target, ...own }));
  const branches = (oneOf ?? anyOf) as Schema[] | undefined;
  if (branches) return branches.flatMap(alternatives).map((branch) => ({ ...own, ...branch }));
  return [schema];
}

function resolveRef(ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = sbuildSchema();
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  return node as Schema;
}

/** The JSON types a schema (one alternative) accepts; undefined when it does not restrict the type. */
export function schemaTypes(schema: Schema): JsonType[] | undefined {
  const type = schema.type;
  // `{not: {type: [...]}}` accepts the other types: the editor schema writes "null only" so, as `type: null` would make
  // editors offer `null` as a value.
  if (type === undefined) return excludedTypes(schema);
  return (Array.isArray(type) ? type : [type]).map((name) => (name === 'integer' ? 'number' : name) as JsonType);
}

const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'boolean', 'array', 'object', 'null'];

function excludedTypes(schema: Schema): JsonType[] | undefined {
  const not = schema.not as Schema | undefined;
  const excluded = not && Object.keys(not).length === 1 ? schemaTypes(not) : undefined;
  return excluded && JSON_TYPES.filter((type) => !excluded.includes(type));
}

/** The alternatives of a schema that accept a value of this type: one array per schema and type, shared, not to be modified. */
export function matching(schema: Schema, value: unknown): Schema[] {
  const type = jsonType(value);
  const byType = getOrMake(matchingByType, schema, () => new Map<JsonType, Schema[]>());
  return getOrMake(byType, type, () => alternatives(schema).filter((branch) => schemaTypes(branch)?.includes(type) ?? true));
}

const matchingByType = new WeakMap<Schema, Map<JsonType, Schema[]>>();

/** The schema of a child (`key` of a map, index of a list) under one alternative, if it allows that child. */
export function childSchema(schema: Schema, key: PathSegment): Schema | undefined {
  if (typeof key === 'number') return schema.items as Schema | undefined;
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties && Object.hasOwn(properties, key)) return properties[key];
  const additional = schema.additionalProperties;
  return additional && typeof additional === 'object' ? (additional as Schema) : undefined;
}

/**
 * The schema of a child under any of several alternatives (combined with `anyOf` when more than one allows it). Made
 * once per array of alternatives (see `matching`) and key: a new `anyOf` for every value would be flattened again.
 */
function childOf(schemas: Schema[], key: PathSegment): Schema | undefined {
  const byKey = getOrMake(childrenOf, schemas, () => new Map<string | symbol, Schema | undefined>());
  // Every item of a list has the same schema.
  return getOrMake(byKey, typeof key === 'number' ? LIST_ITEM : key, () => {
    const children = schemas.map((branch) => childSchema(branch, key)).filter((found): found is Schema => found !== undefined);
    return children.length <= 1 ? children[0] : { anyOf: children };
  });
}

const childrenOf = new WeakMap<Schema[], Map<string | symbol, Schema | undefined>>();
const LIST_ITEM = Symbol('list item');

/** True when a map under this schema may only hold the keys the schema lists. */
export function isClosed(schema: Schema): boolean {
  return schema.additionalProperties === false;
}

export function knownKeys(schema: Schema): string[] {
  return Object.keys((schema.properties as Schema | undefined) ?? {});
}

/** One value of the recipe with the schema alternatives that apply to it. */
export interface SchemaLocation {
  path: PathSegment[];
  value: unknown;
  /** The alternatives that accept the value's type, with `$ref`s followed. */
  schemas: Schema[];
}

/**
 * Every value of the recipe data that the schema describes, with its schema, parents before children (computed once per
 * recipe). Values the schema does not describe (unknown keys) and values of an unexpected type are not descended into.
 */
export const walkWithSchema = perRecipe(function walkWithSchema(recipe): SchemaLocation[] {
  const locations: SchemaLocation[] = [];
  visit(recipe.data, [], sbuildSchema(), locations);
  return locations;
});

function visit(value: unknown, path: PathSegment[], schema: Schema, locations: SchemaLocation[]): void {
  const schemas = matching(schema, value);
  if (schemas.length === 0) return;
  locations.push({ path, value, schemas });
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : jsonType(value) === 'object'
      ? Object.entries(value as Record<string, unknown>)
      : [];
  for (const [key, child] of entries) {
    const next = childOf(schemas, key);
    if (next) visit(child, [...path, key], next, locations);
  }
}

/** The first alternative's value of an annotation (`x-format`, `x-pattern`, …) at a location, if any carries it. */
export function annotation<T = unknown>(location: Pick<SchemaLocation, 'schemas'>, keyword: string): T | undefined {
  for (const schema of location.schemas) if (schema[keyword] !== undefined) return schema[keyword] as T;
  return undefined;
}

/** A non-empty string of the recipe whose schema names its kind with `x-format` (`url`, `name`, `date`, …). */
export interface FormattedString extends SchemaLocation {
  value: string;
  format: string;
}

/** Every non-empty string of the recipe whose `x-format` is one of `formats`. */
export function formattedStrings(recipe: Recipe, formats: readonly string[]): FormattedString[] {
  return everyFormattedString(recipe).filter((location) => formats.includes(location.format));
}

/** Every non-empty string with an `x-format`, found once per recipe however many rules ask for some format. */
const everyFormattedString = perRecipe(function everyFormattedString(recipe): FormattedString[] {
  const found: FormattedString[] = [];
  for (const location of walkWithSchema(recipe)) {
    const { value } = location;
    if (typeof value !== 'string' || value === '') continue;
    const format = annotation<string>(location, 'x-format');
    if (format) found.push({ ...location, value, format });
  }
  return found;
});

/** The first sentence of a schema's description: what a field is, for messages. */
export function summary(schema: Schema | undefined): string | undefined {
  const description = schema && alternatives(schema).find((branch) => typeof branch.description === 'string')?.description;
  if (typeof description !== 'string') return undefined;
  const end = description.search(/\.(\s|$)/);
  return end === -1 ? description : description.slice(0, end + 1);
}

/** How a path reads in messages: `x_exec.arch`, `license[0].url`. */
export function fieldName(path: readonly PathSegment[]): string {
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += name ? `.${segment}` : segment;
  }
  return name || 'the recipe';
}

/** The schema of the value at a path (before its type is checked), found by following the data from the root. */
export function schemaAt(data: unknown, path: readonly PathSegment[]): Schema | undefined {
  let schema: Schema = sbuildSchema();
  let value = data;
  for (const key of path) {
    const next = childOf(matching(schema, value), key);
    if (!next) return undefined;
    schema = next;
    value = (value as Record<PathSegment, unknown> | undefined)?.[key];
  }
  return schema;
}

/** Every JSON type a schema accepts in any of its alternatives; undefined when one of them accepts any type. */
export function acceptedTypes(schema: Schema): Set<JsonType> | undefined {
  const types = new Set<JsonType>();
  for (const branch of alternatives(schema)) {
    const own = schemaTypes(branch);
    if (!own) return undefined;
    for (const type of own) types.add(type);
  }
  return types;
}
