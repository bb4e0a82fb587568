import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { PRECOMPILED, schemasPath, type SchemaName } from './precompiled.js';

/** The source of a schema's standalone validator, as committed in `schemas/`. */
export function validatorSource(name: SchemaName): string {
  const { schema, options, annotations } = PRECOMPILED[name];
  const ajv = new Ajv2020({ ...options, code: { source: true } });
  for (const keyword of annotations) ajv.addKeyword({ keyword });
  const validate = ajv.compile(JSON.parse(readFileSync(schemasPath(schema), 'utf8')) as object);
  const header = `// Generated from schemas/${schema} by \`npm run validators:update\`: do not edit.\n`;
  return `${header}${standaloneCode.default(ajv, validate)}\n`;
}
