/**
 * What a GitHub Actions runner reads in a log as a workflow command: a line that starts with `::` once its leading white
 * space is trimmed (`::error::`, `::add-mask::`, `::stop-commands::`), and the older `##[command]` form anywhere in a
 * line. A report quotes file names, keys and values from the repository, and a long one wrapped onto a line of its own,
 * or a `##[` inside it, would be taken for such a command. One character of each is escaped, as the format escapes
 * characters, so that the report reads the same and its data parses the same.
 */

/** How a format writes `:` or `#` escaped. */
type CharacterEscape = (character: ':' | '#') => string;

const hex = (character: string) => character.charCodeAt(0).toString(16).toUpperCase();

/** By format; none for `github`, whose own lines are workflow commands and which escapes what it quotes itself. */
const ESCAPES: Record<string, CharacterEscape | undefined> = {
  stylish: (character) => `\\x${hex(character)}`,
  gcc: (character) => `\\x${hex(character)}`,
  json: (character) => `\\u00${hex(character)}`,
  sarif: (character) => `\\u00${hex(character)}`,
  checkstyle: (character) => `&#x${hex(character)};`,
  junit: (character) => `&#x${hex(character)};`,
};

/** Whole lines written outside a report (messages, diffs, a printed configuration), escaped as `format` escapes. */
export function withoutCommands(text: string, format: 'stylish' | 'json' = 'stylish'): string {
  return inert(text, ESCAPES[format]!);
}

/**
 * A report of `format` with no workflow command in it, written as it is made. Each part goes out at once but for the
 * end that may still become a command with what follows: a line so far only white space and perhaps one `:`, or a
 * trailing `#` or `##`. A report on one line (JSON) streams too, and each character is looked at a bounded number of
 * times.
 */
export function* reportWithoutCommands(format: string, report: string | Iterable<string>): Generator<string> {
  const escape = ESCAPES[format];
  if (escape === undefined) {
    yield* typeof report === 'string' ? [report] : report;
    return;
  }
  let held = '';
  let heldStartsLine = true;
  for (const part of typeof report === 'string' ? [report] : report) {
    const text = held + part;
    const lastLineStart = text.lastIndexOf('\n') + 1;
    const lastLineOpen: boolean = lastLineStart > 0 || heldStartsLine;
    const keep: number = lastLineOpen && MAYBE_LINE_START_COMMAND.test(text.slice(lastLineStart)) ? lastLineStart : text.length - trailingHashes(text);
    if (keep > 0) yield inert(text.slice(0, keep), escape, heldStartsLine);
    heldStartsLine = keep === lastLineStart && lastLineOpen;
    held = text.slice(keep);
  }
  if (held !== '') yield inert(held, escape, heldStartsLine);
}

/** The start of a line that a `:` more would make a command. */
const MAYBE_LINE_START_COMMAND = /^[^\S\n]*:?$/;

function trailingHashes(text: string): number {
  if (!text.endsWith('#')) return 0;
  return text.endsWith('##') ? 2 : 1;
}

/** `\s` trims what the runner trims: Unicode white space, line breaks aside. */
const LINE_START_COMMAND = /^([^\S\n]*):(?=:)/gm;
const LEGACY_COMMAND = /##\[/g;

/** `startsLine`: whether `text` begins at the start of a line, where the `::` of a command may be. */
function inert(text: string, escape: CharacterEscape, startsLine = true): string {
  return text
    .replace(LINE_START_COMMAND, (match: string, space: string, offset: number) => (offset === 0 && !startsLine ? match : `${space}${escape(':')}`))
    .replace(LEGACY_COMMAND, `#${escape('#')}[`);
}
