/**
 * Strings in UTF-16 code unit order: the same on every machine, where `localeCompare` follows the user's locale (in
 * Turkish, `I` sorts before `i`; in English, after), so that a report would depend on who runs it.
 */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
