import type { PathSegment } from '../recipe/recipe.js';
import { nearMisses } from '../text/near-miss.js';
import { isClosed, jsonType, knownKeys, walkWithSchema, type Schema } from './schema.js';
import { getOrMake } from '../core/get-or-make.js';
import { perRecipe } from '../recipe/per-recipe.js';

export interface UnknownKey {
  /** The path of the map that holds the key. */
  parent: PathSegment[];
  key: string;
  known: string[];
  /** Known keys close to this one. */
  suggestions: string[];
  /** The one known key this one is a misspelling of, when renaming it clashes with no other key. */
  rename?: string;
  /** True when `rename` is a required key that is missing: one mistake, reported once. */
  missingRequired: boolean;
}

interface MapKeys {
  known: string[];
  knownSet: Set<string>;
  required: Set<string>;
}

const keysByAlternatives = new WeakMap<Schema[], MapKeys>();

/** The keys that the alternatives of a map know and require, listed once per (shared) array of alternatives. */
function keysOf(schemas: Schema[]): MapKeys {
  return getOrMake(keysByAlternatives, schemas, () => {
    const known = [...new Set(schemas.flatMap(knownKeys))];
    const required = new Set(schemas.flatMap((schema) => (schema.required as string[] | undefined) ?? []));
    return { known, knownSet: new Set(known), required };
  });
}

/** The keys of the recipe that the schema does not define, in maps whose keys the schema lists. */
export const unknownKeys = perRecipe(function unknownKeys(recipe): UnknownKey[] {
  const found: UnknownKey[] = [];
  for (const { path, value, schemas } of walkWithSchema(recipe)) {
    if (jsonType(value) !== 'object' || !schemas.every(isClosed)) continue;
    const { known, knownSet, required } = keysOf(schemas);
    const present = new Set(Object.keys(value as object));
    const unknown = [...present].filter((key) => !knownSet.has(key)).map((key) => ({ key, suggestions: nearMisses(key, known) }));
    const unique = (entry: { suggestions: string[] }) => (entry.suggestions.length === 1 ? entry.suggestions[0] : undefined);
    // How many unknown keys point at each known key: a rename is offered only to the one that alone points at it.
    const claims = new Map<string, number>();
    for (const entry of unknown) {
      const target = unique(entry);
      if (target !== undefined) claims.set(target, (claims.get(target) ?? 0) + 1);
    }
    for (const entry of unknown) {
      const target = unique(entry);
      const free = target !== undefined && !present.has(target) && claims.get(target) === 1;
      const rename = free ? target : undefined;
      found.push({ parent: path, key: entry.key, known, suggestions: entry.suggestions, rename, missingRequired: rename !== undefined && required.has(rename) });
    }
  }
  return found;
});
