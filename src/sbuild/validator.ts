import type { ErrorObject } from 'ajv';
import { perRecipe } from '../recipe/per-recipe.js';
import { precompiledValidator } from '../schemas/precompiled.js';

/** The schema errors of a recipe's data (validated once per recipe however many rules ask). */
export const schemaErrors = perRecipe(function schemaErrors(recipe): ErrorObject[] {
  const validate = precompiledValidator('sbuild');
  return validate(recipe.data) ? [] : [...(validate.errors ?? [])];
});
