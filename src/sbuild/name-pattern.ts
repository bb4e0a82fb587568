import { sbuildSchema } from './schema.js';

let pattern: RegExp | undefined;

/**
 * The characters the builder's linter allows in `pkg`, `pkg_id` and `app_id`, as the schema's `x-pattern` of these
 * fields writes them: Rust's `char::is_alphanumeric` (Unicode Alphabetic or Numeric, so `é` and `ß` pass) and `+ - _ .`.
 */
export function namePattern(): RegExp {
  const properties = sbuildSchema().properties as Record<string, Record<string, unknown>>;
  pattern ??= new RegExp(properties.pkg_id!['x-pattern'] as string, 'u');
  return pattern;
}

/** The allowed characters, as a message names them. */
export const NAME_CHARACTERS = 'letters and digits (of any script) and + - _ .';
