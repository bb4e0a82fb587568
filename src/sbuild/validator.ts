import type { ErrorObject } from 'ajv';
import { precompiledValidator } from '../schemas/precompiled.js';

const results = new WeakMap<object, ErrorObject[]>();

/** The schema errors of a recipe's data (validated once per recipe however many rules ask). */
export function schemaErrors(recipe: { data: unknown }): ErrorObject[] {
  let errors = results.get(recipe);
  if (!errors) {
    const validate = precompiledValidator('sbuild');
    errors = validate(recipe.data) ? [] : [...(validate.errors ?? [])];
    results.set(recipe, errors);
  }
  return errors;
}
