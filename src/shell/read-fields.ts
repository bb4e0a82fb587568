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
