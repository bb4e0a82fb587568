import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { PRECOMPILED, schemasPath, type SchemaName } from './precompiled.js';

/** The source of a schema's standalone validator, as committed in `schemas/`. */
export function validatorSource(name: SchemaName): string {
  const { schema, options, annotations } = PRECOMPILED[name];
  const ajv = new Ajv2020({ ...options, code: { source: true } });
  for (const keyword of annotations) ajv.addKeyword({ keyword });
  const validate = ajv.compile(JSON.parse(readFileSync(schemasPath(schema), 'utf8')) as object);
  const header = `// Generated from schemas/${schema} by \`npm run validators:update\`: do not edit.\n`;
  return `${header}${withoutRuntimeRequires(standaloneCode.default(ajv, validate))}\n`;
}

/** An Ajv runtime helper: a function with the `require` expression that standalone code uses for it. */
type RuntimeHelper = ((...args: never[]) => unknown) & { code: string };

/**
 * Ajv's standalone code requires its small runtime helpers from the `ajv` package; inlined, the validators run in an
 * install that has no `ajv` (the package ships without dependencies).
 */
function withoutRuntimeRequires(code: string): string {
  // Node gives the CommonJS `exports` as the default export, Vite its `exports.default`.
  const exported: unknown = ucs2lengthModule.default;
  const ucs2length = (typeof exported === 'function' ? exported : (exported as { default: unknown }).default) as RuntimeHelper;
  const inlined = code.replaceAll(ucs2length.code, `(${ucs2length.toString()})`);
  const left = /require\("ajv[^"]*"\)/.exec(inlined);
  if (left) throw new Error(`the validator still needs ${left[0]}: inline that helper too`);
  return inlined;
}
