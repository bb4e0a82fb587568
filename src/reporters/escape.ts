/**
 * Text from recipes, file names and tools made inert before it reaches a report or an editor: a terminal, a CI log or an
 * editor must show it, never act on it (an escape sequence that clears the screen or sets the clipboard, a line break
 * that starts a forged `::error::` workflow command, a bidirectional override that reorders what is shown).
 */

/**
 * Characters beyond C0 that terminals and viewers act on: DEL, the C1 controls (a lone `\u009B` is a CSI to some
 * terminals), the bidirectional marks, embeddings, overrides and isolates, and the line and paragraph separators (line
 * breaks to JavaScript, so they also break JSON inside an HTML script).
 */
const ACTED_ON_SOURCE = '\\u007F-\\u009F\\u061C\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';
const ACTED_ON = new RegExp(`[${ACTED_ON_SOURCE}]`, 'g');

const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const LONE_SURROGATES = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);

/** C0 controls but the tab, the characters terminals and viewers act on, and lone surrogates. */
const NOT_SHOWN = new RegExp(`[\\u0000-\\u0008\\u000A-\\u001F${ACTED_ON_SOURCE}]|${LONE_SURROGATE_SOURCE}`, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001B': '\\e' };

/** Human output (stylish, gcc, github, code frames, stderr, the language server's messages and hovers): every character that is not shown as itself becomes a visible escape such as `\e`, `\n` or `\u009B`. */
export function visible(text: string): string {
  return text.replace(NOT_SHOWN, (character) => NAMED[character] ?? escapeCode(character));
}

function escapeCode(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** JSON and SARIF: a lone surrogate (a YAML `"\ud800"` escape) has no UTF-8 form, and JSON readers reject its `\ud800` escape; it becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * Machine output (JSON, SARIF, `--print-config`): `stringifyWellFormed` with the characters terminals and viewers act on
 * written as `\uxxxx` escapes, as `JSON.stringify` already writes C0 controls. Such characters only occur inside JSON
 * strings, so a reader gets the same data back; only the bytes change.
 */
export function stringifyInert(value: unknown, indent?: number): string {
  return replaceActedOn(stringifyWellFormed(value, indent), (code) => `\\u${code.toString(16).padStart(4, '0')}`);
}

/** Each character terminals and viewers act on (DEL, C1, bidirectional controls, U+2028, U+2029) as `escape` writes its code. */
export function replaceActedOn(text: string, escape: (code: number) => string): string {
  return text.replace(ACTED_ON, (character) => escape(character.charCodeAt(0)));
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
