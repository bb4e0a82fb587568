import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, Options } from 'ajv';
import { projectRoot } from '../core/paths.js';
import { getOrMake } from '../core/get-or-make.js';

/** A validator as Ajv compiles it: after a failed call, `errors` holds what was wrong. */
export interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface PrecompiledSchema {
  /** The JSON Schema, in `schemas/`. */
  schema: string;
  /** Its validator compiled ahead of time, in `schemas/`, committed next to it. */
  validator: string;
  options: Options;
  /** Keywords of the schema that Ajv only has to accept. */
  annotations: readonly string[];
}

/** Keywords of the YAML language server: hovers in Markdown and completion snippets. */
const EDITOR_ANNOTATIONS = ['markdownDescription', 'defaultSnippets'] as const;

/**
 * The schemas fim-lint validates with. Compiling them with Ajv at start-up took a one-file run a third of its time, so
 * they are compiled ahead of time to standalone CommonJS (`npm run validators:update`); a test fails when one is stale.
 */
export const PRECOMPILED = {
  sbuild: {
    schema: 'sbuild.schema.json',
    validator: 'sbuild.validate.cjs',
    // `unicode: false` checks string lengths with `.length`: the schema's only limits are `minLength: 1` and `maxLength: 0`,
    // where UTF-16 units and code points agree, and counting code points walked every script for each file.
    options: { allErrors: true, strict: true, allowUnionTypes: true, unicode: false },
    // Annotations of the schema that carry data for the semantic rules.
    annotations: ['x-enum-ci', 'x-pattern', 'x-spec-level', 'x-origin', 'x-format', 'x-data', 'x-since', 'x-removed', 'x-required-until', ...EDITOR_ANNOTATIONS],
  },
  config: {
    schema: 'fim-lint-config.schema.json',
    validator: 'fim-lint-config.validate.cjs',
    options: { allErrors: false },
    annotations: EDITOR_ANNOTATIONS,
  },
} as const satisfies Record<string, PrecompiledSchema>;

export type SchemaName = keyof typeof PRECOMPILED;

export function schemasPath(file: string): string {
  return join(projectRoot, 'schemas', file);
}

// Ajv's standalone ESM output still calls require(), so the validators are CommonJS.
const require = createRequire(import.meta.url);

const validators = new Map<SchemaName, Validate>();

/** Loads a precompiled validator once: it is asked for once per recipe, and resolving its path each time cost more than a small recipe's validation. */
export function precompiledValidator(name: SchemaName): Validate {
  return getOrMake(validators, name, () => require(schemasPath(PRECOMPILED[name].validator)) as Validate);
}
