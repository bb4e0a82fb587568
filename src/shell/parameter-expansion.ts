import type { Bindings } from './words.js';

/**
 * What `${NAME<operation>}` expands to, for each value NAME may hold: the shell's own string operations, so that
 * `t=xxstrip; ${t#xx}`, `${t/X/r}`, `${t:1:5}`, `${T,,}` and `${IMG:-./x}` are followed like `$t`. Undefined for an
 * operation that is not evaluated (an operand that is not plain text, arithmetic beyond a number): the word then
 * stays as written.
 */
export function expandParameter(text: string, bindings: Bindings): string[] | undefined {
  const parsed = PARAMETER.exec(text);
  if (!parsed) return undefined;
  const [, name, operation] = parsed as unknown as [string, string, string];
  const bound = bindings.get(name);
  const unbound = `\${${name}}`;
  if (operation === '' || CHECKED.test(operation)) return bound?.slice() ?? [unbound];
  // A path with its trailing slash dropped is the same path, whatever it holds.
  if (TRAILING_SLASH.test(operation)) return bound?.map((value) => value.replace(/(.)\/$/, '$1')) ?? [unbound];
  const fallback = FALLBACK.exec(operation);
  if (fallback) {
    const word = operand(fallback[2]!, bindings);
    if (word === undefined) return undefined;
    if (fallback[1]!.endsWith('+')) return bound ? bound.map(() => word) : undefined;
    // A name the script does not set may still be set by the environment: both are possible, the word first.
    return bound?.slice() ?? [word, unbound];
  }
  if (!bound || bound.some((value) => value.length > MAX_VALUE_LENGTH)) return undefined;
  const operate = operationOn(operation, bindings);
  if (!operate) return undefined;
  const values = bound.map(operate);
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

/** `${NAME…}` of a variable or positional parameter, and what follows the name. */
const PARAMETER = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9])([^]*)\}$/;
/** `${NAME:?message}`, `${NAME?message}`: the value, or the script stops. */
const CHECKED = /^:?\?/;
const TRAILING_SLASH = /^%%?\/$/;
/** `${NAME:-word}`, `${NAME-word}`, `${NAME:=word}`: the value or the word; `${NAME:+word}`: the word when set. */
const FALLBACK = /^(:?[-=+])([^]*)$/;
/** Values longer than this are not operated on: a trim tries every prefix or suffix. */
const MAX_VALUE_LENGTH = 1024;

function operationOn(operation: string, bindings: Bindings): ((value: string) => string | undefined) | undefined {
  const trim = TRIM.exec(operation);
  if (trim) return trimming(trim[1]!, trim[2]!, bindings);
  const operate = wholeValueOperation(operation, bindings);
  // These read the whole value, which is not known where it holds a variable the script does not set (`${PKG}`).
  return operate && ((value) => (value.includes('${') ? undefined : operate(value)));
}

function wholeValueOperation(operation: string, bindings: Bindings): ((value: string) => string | undefined) | undefined {
  const substring = SUBSTRING.exec(operation);
  if (substring) {
    const [offset, length] = [Number(substring[1]), substring[2] === undefined ? undefined : Number(substring[2])];
    return (value) => {
      const start = offset < 0 ? Math.max(0, value.length + offset) : offset;
      if (length === undefined) return value.slice(start);
      return length < 0 ? value.slice(start, Math.max(start, value.length + length)) : value.slice(start, start + length);
    };
  }
  const replace = REPLACE.exec(operation);
  if (replace) {
    const glob = parseGlob(replace[2]!, bindings);
    const replacement = operand(replace[3] ?? '', bindings);
    if (!glob || glob.isEmpty || replacement === undefined) return undefined;
    return (value) => replaced(value, glob, replace[1]!, replacement);
  }
  return CASE_CHANGES[operation];
}

/** `#`, `##`, `%`, `%%` with `pattern`: the value with the shortest or longest matching prefix or suffix removed. */
function trimming(operator: string, pattern: string, bindings: Bindings): ((value: string) => string | undefined) | undefined {
  const glob = parseGlob(pattern, bindings);
  if (!glob) return undefined;
  const fromStart = operator[0] === '#';
  const longest = operator.length === 2;
  return (value) => {
    for (let step = 0; step <= value.length; step++) {
      const length = longest ? value.length - step : step;
      if (!(fromStart ? glob.matches(value, 0, length) : glob.matches(value, value.length - length, value.length))) continue;
      const kept = fromStart ? value.slice(length) : value.slice(0, value.length - length);
      const removed = fromStart ? value.slice(0, length) : value.slice(value.length - length);
      return trimIsKnown(value, removed, kept, fromStart, longest, glob) ? kept : undefined;
    }
    // Nothing matches the text, but a variable's value might.
    return value.includes('${') ? undefined : value;
  };
}

/**
 * Whether a trim of a value that holds a variable the script does not set (`./${PKG}`, `${SBUILD_OUTDIR}/x`) removes
 * what it would remove whatever the variable holds: a shortest match in the text before or after every variable
 * (`${x%.tmp}`); a longest match through a star on the variable's side, of a prefix that ends after the last variable
 * (`##` with a pattern such as star-slash, as for a base name) or of a suffix that starts before the first.
 */
function trimIsKnown(value: string, removed: string, kept: string, fromStart: boolean, longest: boolean, glob: Glob): boolean {
  if (!value.includes('${')) return true;
  if (!longest) return !removed.includes('${');
  return !kept.includes('${') && (fromStart ? glob.startsWithStar : glob.endsWithStar);
}

/** `${NAME:OFFSET}`, `${NAME:OFFSET:LENGTH}` with numbers (a negative offset after a blank or in parentheses). */
const SUBSTRING = /^:\s*\(?\s*(-?\d+)\s*\)?(?::\s*\(?\s*(-?\d+)\s*\)?)?$/;
/** `${NAME#pattern}`, `##`, `%`, `%%`: the shortest or longest matching prefix or suffix removed. */
const TRIM = /^(##?|%%?)([^]*)$/;
/** `${NAME/pattern/string}`: the first match replaced; `//` every match, `/#` at the start, `/%` at the end. */
const REPLACE = /^(\/[/#%]?)((?:\\.|[^/\\])*)(?:\/([^]*))?$/;

const CASE_CHANGES: Record<string, (value: string) => string> = {
  '^^': (value) => value.toUpperCase(),
  ',,': (value) => value.toLowerCase(),
  '^': (value) => value.charAt(0).toUpperCase() + value.slice(1),
  ',': (value) => value.charAt(0).toLowerCase() + value.slice(1),
  '@U': (value) => value.toUpperCase(),
  '@L': (value) => value.toLowerCase(),
  '@u': (value) => value.charAt(0).toUpperCase() + value.slice(1),
};

/** The first match, longest at the leftmost start, replaced (`/`), or every match (`//`), or one at the start or end. */
function replaced(value: string, glob: Glob, mode: string, replacement: string): string {
  const longestEnd = glob.longestMatchEnds(value);
  let result = '';
  let from = 0;
  for (let start = 0; start <= value.length; start++) {
    if (mode === '/#' && start > 0) break;
    const end = longestEnd(start);
    if (end === undefined || end === start || (mode === '/%' && end !== value.length)) continue;
    result += value.slice(from, start) + replacement;
    from = end;
    if (mode !== '//') break;
    start = end - 1;
  }
  return result + value.slice(from);
}

/** One item of a glob: a character, `?`, or a bracket expression. */
type GlobItem = { kind: 'character'; character: string } | { kind: 'any' } | { kind: 'class'; matches: (character: string) => boolean };

/** A glob with at most one star: items before it, and after it when it has one. */
interface Glob {
  startsWithStar: boolean;
  endsWithStar: boolean;
  isEmpty: boolean;
  /** Whether `value.slice(start, end)` matches the whole glob. */
  matches: (value: string, start: number, end: number) => boolean;
  /** For `value`: where the longest match from a start ends, if any (each start in time linear in the glob). */
  longestMatchEnds: (value: string) => (start: number) => number | undefined;
}

/**
 * A glob (`*`, `?`, `[…]`; quoted parts and escaped characters match themselves), or undefined when the pattern holds
 * an expansion that is not a plain variable, or more than one star (matching is then no longer linear).
 */
function parseGlob(text: string, bindings: Bindings): Glob | undefined {
  const characters = unquotedCharacters(text, bindings);
  if (!characters) return undefined;
  const head: GlobItem[] = [];
  let tail: GlobItem[] | undefined;
  for (let index = 0; index < characters.length; index++) {
    const { character, quoted } = characters[index]!;
    const items = tail ?? head;
    if (!quoted && character === '*') {
      if (tail) return undefined;
      tail = [];
    } else if (!quoted && character === '?') items.push({ kind: 'any' });
    else if (!quoted && character === '[') {
      const close = characters.findIndex((entry, at) => at > index + 1 && entry.character === ']' && !entry.quoted);
      if (close === -1) {
        items.push({ kind: 'character', character });
        continue;
      }
      items.push({ kind: 'class', matches: bracketExpression(characters.slice(index + 1, close).map((entry) => entry.character).join('')) });
      index = close;
    } else items.push({ kind: 'character', character });
  }
  const fits = (items: GlobItem[], value: string, at: number) =>
    items.every((item, offset) => {
      const character = value[at + offset]!;
      return item.kind === 'any' || (item.kind === 'character' ? item.character === character : item.matches(character));
    });
  const after = tail;
  return {
    startsWithStar: after !== undefined && head.length === 0,
    endsWithStar: after !== undefined && after.length === 0,
    isEmpty: head.length === 0 && after === undefined,
    matches: (value, start, end) =>
      after === undefined
        ? end - start === head.length && fits(head, value, start)
        : end - start >= head.length + after.length && fits(head, value, start) && fits(after, value, end - after.length),
    longestMatchEnds: (value) => {
      if (after === undefined) return (start) => (start + head.length <= value.length && fits(head, value, start) ? start + head.length : undefined);
      // The star takes all it can: every match from any start ends where the tail last fits.
      let lastEnd = value.length;
      while (lastEnd >= after.length && !fits(after, value, lastEnd - after.length)) lastEnd--;
      return (start) => (lastEnd - start >= head.length + after.length && fits(head, value, start) ? lastEnd : undefined);
    },
  };
}

/** `[abc]`, `[a-z]`, `[!x]` or `[^x]`; character classes such as `[[:alpha:]]` by their usual ASCII meaning. */
function bracketExpression(inside: string): (character: string) => boolean {
  const negated = /^[!^]/.test(inside);
  const body = (negated ? inside.slice(1) : inside).replace(/\[:(\w+):\]/g, (_, name: string) => POSIX_CLASSES[name] ?? '');
  let regex: RegExp;
  try {
    regex = new RegExp(`^[${body.replace(/[\\\]^]/g, '\\$&')}]$`, 's');
  } catch {
    // A range out of order (`[z-a]`) matches nothing in bash either.
    return () => negated;
  }
  return (character) => regex.test(character) !== negated;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \t\n\r\f\v', xdigit: '0-9A-Fa-f', punct: '!-/:-@[-`{-~',
};

/** An operand's text as the shell reads it: quotes removed, `$NAME` and `${NAME}` replaced by their one value. */
function operand(text: string, bindings: Bindings): string | undefined {
  return unquotedCharacters(text, bindings)?.map(({ character }) => character).join('');
}

/** Each character of an operand, and whether it was quoted; undefined when it holds a substitution or a value not known alone. */
function unquotedCharacters(text: string, bindings: Bindings): { character: string; quoted: boolean }[] | undefined {
  const characters: { character: string; quoted: boolean }[] = [];
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '`') return undefined;
    if (character === '$' && quote !== "'") {
      const variable = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(index));
      if (!variable) return undefined;
      const name = variable[1] ?? variable[2]!;
      const values = bindings.get(name) ?? [`\${${name}}`];
      if (values.length !== 1) return undefined;
      for (const each of values[0]!) characters.push({ character: each, quoted: true });
      index += variable[0].length - 1;
    } else if (quote === undefined && (character === '"' || character === "'")) quote = character;
    else if (character === quote) quote = undefined;
    else if (character === '\\' && quote !== "'" && index + 1 < text.length) characters.push({ character: text[++index]!, quoted: true });
    else characters.push({ character, quoted: quote !== undefined });
  }
  return quote === undefined ? characters : undefined;
}
