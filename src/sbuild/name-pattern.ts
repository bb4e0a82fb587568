/**
 * The characters the builder's linter allows in `pkg`, `pkg_id` and `app_id` (the schema's `x-pattern` of these
 * fields): Rust's `char::is_alphanumeric` (Unicode Alphabetic or Numeric, so `é` and `ß` pass) and `+ - _ .`.
 */
export const NAME_PATTERN = /^[\p{Alphabetic}\p{N}+._-]+$/u;

/** The allowed characters, as a message names them. */
export const NAME_CHARACTERS = 'letters and digits (of any script) and + - _ .';
