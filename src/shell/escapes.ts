/** Backslash escapes as `$'…'` (`ansi-c`) and a `printf` format or `echo -e` (`printf`) read them. */
export type EscapeKind = 'ansi-c' | 'printf';

/**
 * The escape whose backslash is at `index`: the text it stands for and how many characters it takes (`\x73`, `\163`,
 * `\u0073`, `\n`, `\cA`, …; printf also reads octal after a zero, `\0163`). Undefined when it is no escape.
 */
export function escapeAt(text: string, index: number, kind: EscapeKind): { value: string; length: number } | undefined {
  const escape = text.slice(index + 1, index + 10);
  const known = CHARACTER_ESCAPES[escape[0] ?? ''];
  if (known !== undefined) return { value: known, length: 2 };
  const printfOctal = kind === 'printf' ? PRINTF_OCTAL.exec(escape) : null;
  if (printfOctal) return { value: String.fromCharCode(Number.parseInt(printfOctal[1] || '0', 8) & 0xff), length: 1 + printfOctal[0].length };
  const numeric = NUMERIC_ESCAPE.exec(escape);
  if (!numeric) return undefined;
  const [match, hex, short, long, octal, control] = numeric;
  const digits = hex ?? short ?? long;
  const code = digits !== undefined ? Number.parseInt(digits, 16) : octal !== undefined ? Number.parseInt(octal, 8) & 0xff : control!.toUpperCase().charCodeAt(0) ^ 0x40;
  return { value: code <= 0x10ffff ? String.fromCodePoint(code) : '', length: 1 + match.length };
}

/** The text with its backslash escapes decoded; an escape that is no escape stays as written. */
export function decodeBackslashEscapes(text: string, kind: EscapeKind): string {
  let decoded = '';
  let index = 0;
  for (let backslash = text.indexOf('\\'); backslash !== -1 && backslash < text.length - 1; backslash = text.indexOf('\\', index)) {
    const escape = escapeAt(text, backslash, kind);
    decoded += text.slice(index, backslash) + (escape?.value ?? text.slice(backslash, backslash + 2));
    index = backslash + (escape?.length ?? 2);
  }
  return decoded + text.slice(index);
}

const CHARACTER_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
const NUMERIC_ESCAPE = /^(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})|([0-7]{1,3})|c([^]))/;
/** printf's `\0NNN`: a zero, then up to three octal digits. */
const PRINTF_OCTAL = /^0([0-7]{0,3})/;
