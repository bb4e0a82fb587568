import { DEFAULT_TARGET, includes } from '../sbuild/builder-release.js';
import { EXPORTED_VARIABLES } from '../sbuild/exported-variables.js';
import type { ScriptField } from '../recipe/scripts.js';
import { bagDistance } from '../text/near-miss.js';

/** The tokens and settings the builder passes on to `x_exec.run` when they are set, upper case only. */
const PASSED_ON = ['USER_AGENT', 'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'GL_TOKEN', 'HF_TOKEN'];

/** The variables the builder of a release exports to a script. */
export function builderVariables(field: ScriptField, target: string = DEFAULT_TARGET): string[] {
  if (field === 'pkgver') return [];
  const exported = EXPORTED_VARIABLES.filter(({ since }) => since === undefined || includes(target, since)).flatMap(({ name }) => [name, name.toLowerCase()]);
  return [...exported, ...PASSED_ON];
}

/** Every name `builderVariables` can give, for the edit-distance table. */
export const BUILDER_VARIABLES = builderVariables('run', DEFAULT_TARGET);

/**
 * The builder variables that hold no white space and no glob characters (builder-truth §2.5), so an unquoted use cannot
 * split or expand: `PKG` (alphanumerics and `+ - _ .`), `SBUILD_PKG`, `PKG_TYPE` (a fixed list), `ARCH` and `ARCH_ALT`
 * (compile-time constants), and `PKG_ID` when the recipe writes it (a derived one keeps anything from `src_url[0]`).
 */
export function cleanVariables(field: ScriptField, target: string, pkgIdWritten: boolean): Set<string> {
  if (field === 'pkgver') return new Set();
  const names = ['PKG', 'SBUILD_PKG', 'PKG_TYPE', ...(pkgIdWritten ? ['PKG_ID'] : [])];
  if (includes(target, 'containerAndArch')) names.push('ARCH', 'ARCH_ALT');
  return new Set(names.flatMap((name) => [name, name.toLowerCase()]));
}

/**
 * The script as ShellCheck receives it: the script itself, unchanged so that its lines and a file-wide
 * `# shellcheck disable=` keep their meaning, then the builder variables exported after its last line. ShellCheck counts
 * an assignment anywhere in the file, so they are not "referenced but not assigned" (SC2154) nor "possible misspellings"
 * (SC2153), while a variable that nothing assigns still is. The blank line ends a trailing `\` continuation. Findings
 * on the added lines are dropped (see `scriptLineCount`).
 *
 * `export NAME` counts as an assignment (with values, `NAME=''`, the analysis takes twice as long). Only the builder
 * variables that can matter to this script are exported, which saves a quarter of ShellCheck's time on the corpus. A
 * variable the script never names matters only to SC2153 ("possible misspelling") and to the "did you mean" of SC2154,
 * which ShellCheck finds only among assigned names within two edits of the unassigned one: a name is left out when no
 * word of the script is that close to it, ignoring case (a change of case alone counts as one edit), so the findings
 * stay the same.
 */
export function withBuilderVariables(script: string, variables: readonly string[] = BUILDER_VARIABLES): string {
  let nearby = 0;
  for (const word of script.match(WORD) ?? []) nearby |= nearbyNames(word);
  const declared = variables.filter((name) => nearby & (1 << NAME_INDEX.get(name.toLowerCase())!));
  return `${script}\n\n${['export', ...declared].join(' ')}\n`;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
const LOWERCASE_NAMES = [...new Set(BUILDER_VARIABLES.map((name) => name.toLowerCase()))];
const NAME_INDEX = new Map(LOWERCASE_NAMES.map((name, index) => [name, index]));
const LONGEST_NAME = Math.max(...LOWERCASE_NAMES.map((name) => name.length));

/** Words seen, with the builder variables near each (a bit per name): scripts share most of their words. */
const nearbyByWord = new Map<string, number>();
const MAX_REMEMBERED_WORDS = 100_000;

function nearbyNames(word: string): number {
  if (word.length > LONGEST_NAME + 2) return 0;
  let nearby = nearbyByWord.get(word);
  if (nearby === undefined) {
    const lowercase = word.toLowerCase();
    nearby = 0;
    LOWERCASE_NAMES.forEach((name, index) => {
      // The bag distance, a lower bound of the edit distance, rules out most words at a fraction of its cost.
      if (bagDistance(lowercase, name) <= 2 && withinTwoEdits(lowercase, name)) nearby! |= 1 << index;
    });
    if (nearbyByWord.size >= MAX_REMEMBERED_WORDS) nearbyByWord.clear();
    nearbyByWord.set(word, nearby);
  }
  return nearby;
}

/** Rows of the edit-distance table, kept between calls: names are short. */
let previousRow = new Int32Array(32);
let currentRow = new Int32Array(32);

/** Whether the edit (Levenshtein) distance of two words is at most 2. */
export function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  if (previousRow.length <= b.length) [previousRow, currentRow] = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const character = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (character === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = cost;
      if (cost < rowMinimum) rowMinimum = cost;
    }
    if (rowMinimum > 2) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length]! <= 2;
}

/** The number of lines of the script itself: findings on later lines concern only what was appended. */
export function scriptLineCount(script: string): number {
  let lines = 1;
  for (let index = script.indexOf('\n'); index !== -1; index = script.indexOf('\n', index + 1)) lines++;
  return lines;
}
