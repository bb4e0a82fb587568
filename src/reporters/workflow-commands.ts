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
 * A report of `format` with no workflow command in it, written as it is made: the parts are cut at their last line
 * break, and a line goes out once it is whole, so that a command split over two parts is still seen.
 */
export function* reportWithoutCommands(format: string, report: string | Iterable<string>): Generator<string> {
  const escape = ESCAPES[format];
  if (escape === undefined) {
    yield* typeof report === 'string' ? [report] : report;
    return;
  }
  let unfinished = '';
  for (const part of typeof report === 'string' ? [report] : report) {
    const text = unfinished + part;
    const end = text.lastIndexOf('\n') + 1;
    unfinished = text.slice(end);
    if (end > 0) yield inert(text.slice(0, end), escape);
  }
  if (unfinished !== '') yield inert(unfinished, escape);
}

/** `\s` trims what the runner trims: Unicode white space, line breaks aside. */
const LINE_START_COMMAND = /^([^\S\n]*):(?=:)/gm;
const LEGACY_COMMAND = /##\[/g;

function inert(text: string, escape: CharacterEscape): string {
  return text.replace(LINE_START_COMMAND, (_, space: string) => `${space}${escape(':')}`).replace(LEGACY_COMMAND, `#${escape('#')}[`);
}
