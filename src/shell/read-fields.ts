/** The fields `read` assigns to `count` names from a line: split at IFS characters, the last field the rest of the line. */
export function readFields(line: string, count: number, ifs: string): string[] {
  const isSeparator = (character: string | undefined) => character !== undefined && ifs.includes(character);
  const isBlank = (character: string | undefined) => isSeparator(character) && (character === ' ' || character === '\t' || character === '\n');
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(line[start])) start++;
  while (end > start && isBlank(line[end - 1])) end--;
  const fields: string[] = [];
  let at = start;
  while (fields.length < count - 1) {
    let index = at;
    while (index < end && !isSeparator(line[index])) index++;
    if (index >= end) break;
    fields.push(line.slice(at, index));
    // One separator: blanks around at most one other IFS character.
    while (index < end && isBlank(line[index])) index++;
    if (index < end && isSeparator(line[index]) && !isBlank(line[index])) index++;
    while (index < end && isBlank(line[index])) index++;
    at = index;
  }
  fields.push(line.slice(at, end));
  return fields;
}

/** The shell's default `IFS`: space, tab and line break. */
export const DEFAULT_IFS = ' \t\n';

/**
 * The words an unquoted expansion splits into at the characters of `ifs`: as `read` splits a line, with no last name
 * taking the rest, and no empty word after a final separator (`IFS=,; x=a,b,` is `a` and `b`).
 */
export function splitWords(value: string, ifs: string): string[] {
  if (ifs === '') return [value];
  const fields = readFields(value, Number.POSITIVE_INFINITY, ifs);
  if (fields.length > 1 && fields.at(-1) === '') fields.pop();
  return fields;
}
