import { indentOf, isBlank, type Line } from '../text/lines.js';
import type { Span } from './recipe.js';
import { keyLine } from './yaml-layout.js';

export interface PastedRecipe {
  kind: 'pasted-recipe';
  message: string;
  at: Span;
  from: number;
}

interface Repeat {
  key: string;
  line: Line;
  first: Line;
}

/**
 * A second recipe in the first YAML document (lines `from` to `to`): top-level keys written again, after a second `#!/SBUILD` line or
 * two different keys or more without one (one key written again, however often, is a duplicate key).
 */
export function findPastedRecipe(lines: readonly Line[], from: number, to: number): PastedRecipe | undefined {
  const seen = new Map<string, Line>();
  const repeats: Repeat[] = [];
  const shebangs: Line[] = [];
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (index > 0 && line.text.startsWith('#!/SBUILD')) shebangs.push(line);
    if (indentOf(line.text) !== 0) continue;
    const key = keyLine(line);
    if (!key) continue;
    const first = seen.get(key.key);
    if (first) repeats.push({ key: key.key, line, first });
    else seen.set(key.key, line);
  }
  const firstRepeat = repeats[0];
  if (!firstRepeat) return undefined;
  const shebang = shebangs.filter((line) => line.index < firstRepeat.line.index).at(-1);
  if (!shebang && new Set(repeats.map((repeat) => repeat.key)).size < 2) return undefined;
  const start = shebang ?? firstRepeat.line;
  const named = repeats.find((repeat) => repeat.key === 'pkg') ?? firstRepeat;
  let last = start.index;
  for (let index = start.index; index < to; index++) if (!isBlank(lines[index]!.text)) last = index;
  const range = last === start.index ? `line ${start.index + 1}` : `lines ${start.index + 1}–${last + 1}`;
  const message =
    `Line ${start.index + 1} starts a second recipe (\`${named.key}\` on line ${named.line.index + 1} repeats the one on line ${named.first.index + 1}): ` +
    `a file holds one recipe, and YAML keeps only one value of each key; move ${range} to a file of ${last === start.index ? 'its' : 'their'} own`;
  return { kind: 'pasted-recipe', message, at: { start: start.start, end: start.end }, from: start.start };
}
