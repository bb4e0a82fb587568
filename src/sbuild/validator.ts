import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { sbuildSchema } from './schema.js';

/** Annotations of the schema that carry data for the semantic rules; Ajv only has to accept them. */
const ANNOTATIONS = ['x-enum-ci', 'x-pattern', 'x-spec-level', 'x-origin', 'x-format', 'x-data'];

let validator: ValidateFunction | undefined;

/** The compiled SBUILD schema, built on first use and kept for the life of the process. */
function compiled(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
    validator = ajv.compile(sbuildSchema());
  }
  return validator;
}

const results = new WeakMap<object, ErrorObject[]>();

/** The schema errors of a recipe's data (validated once per recipe however many rules ask). */
export function schemaErrors(recipe: { data: unknown }): ErrorObject[] {
  let errors = results.get(recipe);
  if (!errors) {
    const validate = compiled();
    errors = validate(recipe.data) ? [] : [...(validate.errors ?? [])];
    results.set(recipe, errors);
  }
  return errors;
}
