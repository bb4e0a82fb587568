/**
 * The longest value the analysis keeps for a word or variable. Longer ones stand as TOO_LONG, an unset variable's
 * look, which names no file or program: `a="$a$a"` thirty times would otherwise grow past what a string can hold.
 */
export const MAX_VALUE_LENGTH = 65_536;
export const TOO_LONG = '${…}';

export function bounded(value: string): string {
  return value.length > MAX_VALUE_LENGTH ? TOO_LONG : value;
}
