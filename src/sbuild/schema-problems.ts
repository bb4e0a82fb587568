import type { ErrorObject } from 'ajv';
import { isScalar, type Scalar } from 'yaml';
import type { Edit } from '../core/diagnostic.js';
import type { PathSegment, Recipe, Span } from '../recipe/recipe.js';
import { acceptedTypes, fieldName, jsonType, knownKeys, matching, sbuildSchema, schemaAt, summary, typeName, type JsonType, type Schema } from './schema.js';
import { keyTypeProblems } from './key-types.js';
import { ownerSpan, valueSpan } from './locate.js';
import { didYouMean, nearMisses } from '../text/near-miss.js';
import { unknownKeys } from './unknown-keys.js';
import { schemaErrors } from './validator.js';
import { perRecipe } from '../recipe/per-recipe.js';

/**
 * One mistake found by the schema, written for people. `implicit-type` problems are values YAML typed differently
 * from what the author wrote (`pkgver: 1.10`, `_disabled: "false"`): `sbuild/implicit-type` reports those, and
 * `sbuild/schema` the rest, so that each mistake is reported once.
 */
export interface SchemaProblem {
  kind: 'schema' | 'implicit-type';
  path: PathSegment[];
  message: string;
  at: Span;
  fix?: Edit;
  /** When less than the rule's: the builder repairs the value and builds the package. */
  severity?: 'warning';
  /** What the author should write, the end of `message` after its last `: ` (implicit-type problems). */
  advice?: string;
}

export const schemaProblems = perRecipe(function schemaProblems(recipe): SchemaProblem[] {
  if (isEmpty(recipe)) return [emptyRecipe()];
  return recipe.data === undefined ? [] : [...translate(recipe, schemaErrors(recipe)), ...keyTypeProblems(recipe)];
});

/** No document, or one with nothing in it (`---` alone): the builder rejects the file as it rejects a syntax error. */
function isEmpty(recipe: Recipe): boolean {
  return !recipe.decodeFailure && (recipe.documents.length === 0 || (recipe.data === null && !recipe.hasSyntaxErrors));
}

function emptyRecipe(): SchemaProblem {
  const required = (sbuildSchema().required as string[] | undefined) ?? [];
  return {
    kind: 'schema',
    path: [],
    message: `The recipe is empty, and the builder rejects a file without fields: write at least the required ${required.slice(0, -1).join(', ')} and ${required.at(-1)}`,
    at: { start: 0, end: 0 },
  };
}

/** Keeps one error per mistake and turns it into a message; keys the schema does not know are left to `sbuild/unknown-key`. */
function translate(recipe: Recipe, errors: ErrorObject[]): SchemaProblem[] {
  const located = errors
    .filter((error) => error.keyword !== 'additionalProperties')
    .map((error) => ({ error, path: dataPath(recipe.data, error.instancePath) }));

  // A value whose type no alternative accepts is one mistake, whatever each alternative says about it.
  const wrongType = new Map<string, PathSegment[]>();
  for (const { error, path } of located) {
    if (error.keyword !== 'type' || wrongType.has(error.instancePath)) continue;
    const accepted = acceptedTypesAt(recipe.data, path);
    if (accepted && !accepted.has(jsonType(valueAt(recipe.data, path)))) wrongType.set(error.instancePath, path);
  }
  const insideWrongType = (pointer: string) => [...wrongType.keys()].some((wrong) => pointer === wrong || pointer.startsWith(`${wrong}/`));

  const problems: SchemaProblem[] = [];
  for (const path of wrongType.values()) problems.push(typeProblem(recipe, path));

  const seen = new Set<string>(wrongType.keys());
  // A missing required key that an unknown key misspells is reported once, by `sbuild/unknown-key`.
  const misspelt = new Set(unknownKeys(recipe).filter((entry) => entry.missingRequired).map((entry) => `${pointer(entry.parent)} ${entry.rename}`));
  const remaining = located
    .filter(({ error }) => !insideWrongType(error.instancePath) && error.keyword !== 'type')
    .filter(({ error }) => error.keyword !== 'required' || !misspelt.has(`${error.instancePath} ${String(error.params.missingProperty)}`))
    .sort((a, b) => priority(a.error) - priority(b.error));
  for (const { error, path } of remaining) {
    const combinator = error.keyword === 'oneOf' || error.keyword === 'anyOf';
    const key = error.keyword === 'required' ? `${error.instancePath} ${String(error.params.missingProperty)}` : error.instancePath;
    // A failed `oneOf` is only reported when nothing more precise was said at or below its value.
    if (combinator && [...seen].some((done) => done === key || done.startsWith(`${key}/`) || done.startsWith(`${key} `))) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isPkgTypeCaseOnly(recipe, error, path)) continue;
    problems.push(keywordProblem(recipe, error, path));
  }
  return problems;
}

/** `pkg_type: FlatImage` differs from an allowed value only in letter case: `flatimage/pkg-type` reports and fixes it. */
function isPkgTypeCaseOnly(recipe: Recipe, error: ErrorObject, path: PathSegment[]): boolean {
  if (error.keyword !== 'enum' || path.length !== 1 || path[0] !== 'pkg_type') return false;
  const value = valueAt(recipe.data, path);
  const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
  return typeof value === 'string' && allowed.includes(value.toLowerCase());
}

const PRIORITY = ['required', 'enum', 'const', 'minLength', 'minItems', 'minProperties', 'maxProperties', 'pattern'];

/** More specific errors first; combinator summaries last. */
function priority(error: ErrorObject): number {
  const index = PRIORITY.indexOf(error.keyword);
  return index === -1 ? (error.keyword === 'oneOf' || error.keyword === 'anyOf' ? 100 : 50) : index;
}

function typeProblem(recipe: Recipe, path: PathSegment[]): SchemaProblem {
  const value = valueAt(recipe.data, path);
  const expected = [...(acceptedTypesAt(recipe.data, path) ?? [])];
  const implicit = implicitType(recipe, path, value, expected);
  if (implicit) return implicit;
  const shown = expected.length > 1 ? expected.filter((type) => type !== 'null') : expected;
  const message = `${fieldName(path)} must be ${orList(shown.map(typeName))}, found ${typeName(jsonType(value))}`;
  if (isCleanedList(path) && path.length === 2 && value === null) return emptyItem(recipe, path, message);
  if (isCleanedList(path) && path.length === 1 && ['string', 'number', 'boolean'].includes(jsonType(value))) {
    const instead = path[0] === 'category' ? ' and files the package under Utility' : '';
    return { kind: 'schema', path, message: `${message}: the builder drops it without a word${instead}; write it as a list`, at: valueSpan(recipe, path), severity: 'warning' };
  }
  return { kind: 'schema', path, message, at: valueSpan(recipe, path) };
}

/**
 * Optional top-level lists that the builder cleans up instead of rejecting (builder-truth §4.1, §4.7): a single value
 * is dropped, an empty or null entry removed with a warning. Wrong there is a warning, as the package still builds.
 */
function isCleanedList(path: readonly PathSegment[]): boolean {
  const fields = sbuildSchema().properties as Record<string, Schema>;
  return typeof path[0] === 'string' && CLEANED_LISTS.has(String(fields[path[0]]?.$ref));
}

const CLEANED_LISTS = new Set(['#/$defs/optionalStringList', '#/$defs/optionalUrlList']);

function emptyItem(recipe: Recipe, path: PathSegment[], message: string): SchemaProblem {
  return { kind: 'schema', path, message: `${message}: the builder removes the entry with a warning`, at: valueSpan(recipe, path), severity: 'warning' };
}

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, on: true, off: false };

/** A scalar YAML typed differently from what was written, with the edit that makes it what the schema expects. */
function implicitType(recipe: Recipe, path: PathSegment[], value: unknown, expected: JsonType[]): SchemaProblem | undefined {
  const node = recipe.node(path);
  if (!isScalar(node) || !node.range) return undefined;
  // Through an alias, the text is the anchored value's and the place is the alias's; no fix edits an anchored value for one use.
  const written = recipe.aliases.original(node);
  if (!isScalar(written) || !written.range) return undefined;
  const [start, end] = written.range;
  const at = { start: node.range[0], end: node.range[1] };
  const viaAlias = written !== node;
  // Quoting an alias makes a string of its name, not of the value it stands for: the value is written in its place.
  const inPlace = viaAlias ? ' in place of the alias' : '';
  const edit = (replacement: string) => (viaAlias ? {} : { fix: { start, end, text: replacement } });
  const text = recipe.text.slice(start, end);
  const field = fieldName(path);
  const problem = (claim: string, advice: string, fix = {}): SchemaProblem => ({ kind: 'implicit-type', path, message: `${claim}: ${advice}`, advice, at, ...fix });
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean') && written.type === 'PLAIN') {
    const read = String(value) === text ? `a ${jsonType(value)}` : `the ${jsonType(value)} ${String(value)}`;
    const claim = `${field} must be a string, but YAML reads ${text} as ${read}`;
    const choices = stringChoices(schemaAt(recipe.data, path));
    if (choices && !choices.includes(text)) {
      return problem(`${claim}, and '${text}' is not a valid ${field} either`, `write one of ${choices.join(', ')}${inPlace}`);
    }
    const quoted = JSON.stringify(text);
    return problem(claim, viaAlias ? `write ${quoted}${inPlace}` : `quote it as ${quoted}`, edit(quoted));
  }
  const word = typeof value === 'string' ? BOOLEAN_WORDS[value.trim().toLowerCase()] : undefined;
  if (expected.includes('boolean') && word !== undefined) {
    const { type, tag } = written as Scalar;
    // A tag on a plain scalar is what made it a string: the same word without the tag is the boolean.
    if (type === 'PLAIN' && tag !== undefined) {
      return problem(`${field} must be a boolean, but the tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} makes ${text} a string`, 'remove the tag');
    }
    const claim = type !== 'PLAIN' ? `${field} must be a boolean, but ${text} is a quoted string` : `${field} must be a boolean, but YAML 1.2 reads ${text} as a string`;
    const advice = viaAlias ? `write ${word}${inPlace}` : type !== 'PLAIN' ? `write ${word} without quotes` : `write ${word}`;
    return problem(claim, advice, edit(String(word)));
  }
  return undefined;
}

/** The only strings a field accepts when it lists them (`pkg_type`), the empty one left out; undefined for free text. */
function stringChoices(schema: Schema | undefined): string[] | undefined {
  if (!schema) return undefined;
  const choices: string[] = [];
  for (const branch of matching(schema, '')) {
    if (branch.maxLength === 0) continue;
    if (!Array.isArray(branch.enum)) return undefined;
    for (const value of branch.enum) if (typeof value === 'string' && value !== '') choices.push(value);
  }
  return choices.length > 0 ? choices : undefined;
}

function keywordProblem(recipe: Recipe, error: ErrorObject, path: PathSegment[]): SchemaProblem {
  const field = fieldName(path);
  const schema = schemaAt(recipe.data, path);
  const problem = (message: string, at: Span = valueSpan(recipe, path)): SchemaProblem => ({ kind: 'schema', path, message, at });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const what = summary(schemaAt(recipe.data, [...path, missing]) ?? {});
      const where = path.length === 0 ? '' : ` in ${field}`;
      return problem(`Missing required field '${missing}'${where}${what ? `: ${what}` : ''}`, ownerSpan(recipe, path));
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((value): value is string => typeof value === 'string' && value !== '');
      const value = valueAt(recipe.data, path);
      const suggestion = typeof value === 'string' ? didYouMean(nearMisses(value, allowed)) : '';
      return problem(`${quote(value)} is not a valid ${field}: expected one of ${allowed.join(', ')}${suggestion ? ` (${suggestion})` : ''}`);
    }
    case 'minLength':
      return path.length === 2 && isCleanedList(path) ? emptyItem(recipe, path, `${field} must not be empty`) : problem(`${field} must not be empty`);
    case 'pattern': {
      const explain = PATTERN_MESSAGES[String(params.pattern)];
      return problem(explain ? explain(field, valueAt(recipe.data, path)) : `${field} ${error.message ?? 'is not valid'}`);
    }
    case 'minItems':
      return problem(`${field} must list at least ${plural(Number(params.limit), 'entry', 'entries')}`);
    case 'minProperties':
    case 'maxProperties': {
      const value = valueAt(recipe.data, path);
      const map = schema ? matching(schema, value)[0] : undefined;
      const keys = knownKeys(map ?? {});
      const count = Object.keys((value as object | undefined) ?? {}).length;
      const bound = error.keyword === 'minProperties' ? 'at least' : 'at most';
      const what = summary(map) ?? `keys: ${keys.join(', ')}`;
      return problem(`${field} has ${plural(count, 'key', 'keys')}, expected ${bound} ${Number(params.limit)}: ${what}`);
    }
    case 'oneOf':
    case 'anyOf': {
      const what = summary(schema);
      return problem(`${field} does not match any accepted form${what ? `: ${what}` : ''}`);
    }
    default:
      return problem(`${field} ${error.message ?? 'is not valid'}`);
  }
}

/** What each `pattern` of the schema asks for, said as the builder's reason. */
const PATTERN_MESSAGES: Record<string, (field: string, value: unknown) => string> = {
  '\\S': (field) => `${field} must not be blank: the builder trims it and finds it empty`,
  '^\\S+$': (field, value) => `${field} must be one word, a program name or an absolute path: the builder looks it up on PATH and runs the script with '#!/usr/bin/env ${String(value)}'`,
  '^(?!.*\\$\\{)': (field) => `${field} must not hold \${…}: the builder does not expand variables here, so the path names a folder called '\${…}' and the build fails; write the path relative to the output directory`,
};

function pointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The data path of a JSON pointer, with list indexes as numbers. */
function dataPath(data: unknown, pointer: string): PathSegment[] {
  const path: PathSegment[] = [];
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) ? Number(key) : key;
    path.push(segment);
    value = (value as Record<PathSegment, unknown> | undefined)?.[segment];
  }
  return path;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PathSegment, unknown> | undefined)?.[key];
  return value;
}

function acceptedTypesAt(data: unknown, path: readonly PathSegment[]): Set<JsonType> | undefined {
  const schema: Schema | undefined = schemaAt(data, path);
  return schema && acceptedTypes(schema);
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
