/**
 * Text from recipes, file names and tools made inert before it reaches a report: a terminal or a CI log must show it,
 * never act on it (an escape sequence that clears the screen or sets the clipboard, a line break that starts a forged
 * `::error::` workflow command, a bidirectional override that reorders what is shown).
 */

/**
 * C0 controls but the tab, DEL, C1 controls (a lone `\u009B` is a CSI to some terminals), the Unicode line and
 * paragraph separators, the bidirectional embeddings, overrides and isolates, and lone surrogates.
 */
const NOT_SHOWN = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001B': '\\e' };

/** Human output (stylish, gcc, github, code frames, stderr): every character that is not shown as itself becomes a visible escape such as `\e`, `\n` or `\u009B`. */
export function visible(text: string): string {
  return text.replace(NOT_SHOWN, (character) => NAMED[character] ?? escapeCode(character));
}

function escapeCode(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const LONE_SURROGATES = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);

/** JSON and SARIF: a lone surrogate (a YAML `"\ud800"` escape) has no UTF-8 form, and JSON readers reject its `\ud800` escape; it becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * `JSON.stringify` with every string well-formed, keys included. `JSON.stringify` writes a lone surrogate as a `\udxxx`
 * escape, so only a text holding one (or a backslash before `ud8`-`udf`, rarer still) takes the slower way.
 */
export function stringifyWellFormed(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, undefined, indent);
  if (!ESCAPED_SURROGATE.test(text)) return text;
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === 'string') return wellFormed(item);
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
      if (!Object.keys(item).some((key) => HAS_LONE_SURROGATE.test(key))) return item;
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [wellFormed(key), entry]));
    },
    indent,
  );
}

const ESCAPED_SURROGATE = /\\ud[89a-f]/i;
