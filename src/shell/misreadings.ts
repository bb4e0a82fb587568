import type { Node, Tree } from 'web-tree-sitter';

/**
 * Valid shell that tree-sitter-bash misreads, mended into text of the same length that it reads as bash does, so that
 * every offset stays where it was. Undefined when there is nothing to mend. Each mend is made only where the parser
 * reports an error (or, for a line that starts with an escaped name, where it joined two commands).
 */
export function mendedMisreadings(script: string, tree: Tree): string | undefined {
  const text = script.split('');
  let mended = false;
  const replace = (index: number, character: string) => {
    text[index] = character;
    mended = true;
  };
  if (LINE_START_ESCAPE.test(script)) mendLineStartEscapes(tree, replace);
  if (tree.rootNode.hasError) {
    const extglob = EXTGLOB_ON.exec(script)?.index;
    for (const error of errorNodes(tree.rootNode)) {
      mendReadWriteRedirect(script, error, replace);
      mendEscapedTestOperators(script, error, replace);
      mendBraceExpansion(script, error, replace);
      mendExtendedGlobs(script, error, insideDoubleBrackets(error) ? 0 : extglob, replace);
    }
  }
  return mended ? text.join('') : undefined;
}

/** Puts `character` at `index` of the mended text. */
type Replace = (index: number, character: string) => void;

/** How far past an error a mend looks, so that many errors on one long line cost no more than the line. */
const MAX_MEND_SPAN = 4096;

/** A line that starts with an escaped name: `\strip file`. */
const LINE_START_ESCAPE = /\n\\[\w./-]/;

/**
 * tree-sitter-bash reads a line that starts with an escaped name as more words of the line before (`echo a⏎\strip f`
 * is one `echo` with the words `a`, `⏎\strip` and `f`), where bash runs `strip`. Such a backslash, which only quotes a
 * character that needs no quoting, becomes a space: the same command, at the same offsets.
 */
function mendLineStartEscapes(tree: Tree, replace: Replace): void {
  for (const word of tree.rootNode.descendantsOfType('word')) {
    const misread = word && /^\s*\n\\[\w./-]/.exec(word.text);
    if (word && misread) replace(word.startIndex + misread[0].length - 2, ' ');
  }
}

/**
 * Where tree-sitter could not read the script: its ERROR nodes (text it could not fit) and the nodes that miss a token
 * it had to invent, outermost first (what lies inside one is not listed again).
 */
export function errorNodes(root: Node): Node[] {
  const errors: Node[] = [];
  const visit = (node: Node) => {
    if (node.isError) {
      errors.push(node);
      return;
    }
    if (!node.hasError) return;
    if (node.children.some((child) => child?.isMissing)) errors.push(node);
    else for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return errors;
}

/** `exec 3<>FILE` opens a file to read and write, which the grammar lacks: it is read as `3< FILE`. */
function mendReadWriteRedirect(script: string, error: Node, replace: Replace): void {
  if (script[error.startIndex] === '>' && script[error.startIndex - 1] === '<') replace(error.startIndex, ' ');
}

/** For each tree parsed from mended text, the offsets of the `<` operators that were `<>` in the script. */
const readWriteOperators = new WeakMap<Tree, ReadonlySet<number>>();

/** Records which `<` of a tree parsed from `mended` text were `<>` in `script`, for `isReadWrite`. */
export function noteReadWriteRedirects(script: string, mended: string, tree: Tree): void {
  const offsets = new Set<number>();
  for (let index = script.indexOf('<>'); index !== -1; index = script.indexOf('<>', index + 2)) {
    if (mended[index + 1] === ' ') offsets.add(index);
  }
  if (offsets.size > 0) readWriteOperators.set(tree, offsets);
}

/** Whether a `<` operator of the tree was `<>` in the script (see `mendReadWriteRedirect`). */
export function isReadWrite(operator: Node): boolean {
  return readWriteOperators.get(operator.tree)?.has(operator.startIndex) ?? false;
}

/**
 * `[ "$a" \< "$b" ]` and `[ \( … \) ]`: the grammar fails on any escaped operator inside `[ ]` (not in `test`, nor
 * in `[[ ]]`). A comparison becomes `==`, a parenthesis blanks.
 */
function mendEscapedTestOperators(script: string, error: Node, replace: Replace): void {
  for (const test of script.slice(error.startIndex, error.endIndex).matchAll(SINGLE_BRACKET_TEST)) {
    const start = error.startIndex + test.index;
    for (const operator of test[0].matchAll(ESCAPED_OPERATOR)) {
      const backslash = start + operator.index + operator[0].length - 2;
      const mend = TEST_OPERATOR_MENDS[operator[1]!]!;
      replace(backslash, mend[0]!);
      replace(backslash + 1, mend[1]!);
    }
  }
}

const SINGLE_BRACKET_TEST = /(?<![\w[])\[[ \t][^\n\]]*[ \t]\](?!\])/g;
const ESCAPED_OPERATOR = /(?<![^\s\\])(?:\\\\)*\\([<>()!=])(?=\s)/g;
const TEST_OPERATOR_MENDS: Record<string, string> = { '<': '==', '>': '==', '=': '==', '!': ' !', '(': '  ', ')': '  ' };

/**
 * `{strip,"./x"}` at the start of a command is brace expansion, the words `strip ./x`; the grammar takes the brace for
 * a group. The braces and commas of a list without blanks or nested lists become the blanks between its words.
 */
function mendBraceExpansion(script: string, error: Node, replace: Replace): void {
  for (const command of script.slice(error.startIndex, error.endIndex).matchAll(BRACE_AT_COMMAND_START)) {
    const start = error.startIndex + command.index + command[0].length - 1;
    const separators = topLevelCommas(script, start);
    if (!separators) continue;
    const end = separators.at(-1)!;
    if (end + 1 < script.length && !/[\s;&|)]/.test(script[end + 1]!)) continue;
    for (const index of [start, ...separators]) replace(index, ' ');
  }
}

/** A brace where a command starts, followed by no blank: a group would need one (`{ cmd; }`). */
const BRACE_AT_COMMAND_START = /(?:^|[\n;&|(])[ \t]*\{(?=[^\s}])/g;

/** The commas of a brace list that starts at `start`, then its closing brace; undefined when it is not a list. */
function topLevelCommas(script: string, start: number): number[] | undefined {
  const found: number[] = [];
  let expansions = 0;
  const end = Math.min(script.length, start + MAX_MEND_SPAN);
  for (let index = start + 1; index < end; index++) {
    const character = script[index]!;
    if (character === "'" || character === '"') {
      index = closingQuote(script, index);
      if (index === -1) return undefined;
    } else if (character === '\\') index++;
    else if (character === '$' && script[index + 1] === '{') (expansions++, index++);
    else if (character === '}' && expansions > 0) expansions--;
    else if (character === '}') return found.length > 0 ? [...found, index] : undefined;
    else if (character === ',' && expansions === 0) found.push(index);
    else if (/[\s{;&|<>()`]/.test(character)) return undefined;
  }
  return undefined;
}

/** Where the quote opened at `open` closes on its line (a backslash escapes within double quotes), or -1. */
function closingQuote(script: string, open: number): number {
  const quote = script[open];
  for (let index = open + 1; index < script.length && script[index] !== '\n'; index++) {
    if (script[index] === quote) return index;
    if (quote === '"' && script[index] === '\\') index++;
  }
  return -1;
}

/** `shopt -s extglob` (or with other options beside it). */
const EXTGLOB_ON = /\bshopt\s+-s\s+(?:[\w-]+\s+)*extglob\b/;

function insideDoubleBrackets(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'test_command') return current.text.startsWith('[[');
  return false;
}

/**
 * Extended globs (`@(a|b)`, `!(*.txt)`, `+(…)`, `*(…)`, `?(…)`) match inside `[[ ]]` and, after `shopt -s extglob`
 * (`enabledFrom`), anywhere; the grammar reads their parentheses as a subshell. Parentheses and bars of a pattern on one
 * line become `?`, which leaves a glob word in its place.
 */
function mendExtendedGlobs(script: string, error: Node, enabledFrom: number | undefined, replace: Replace): void {
  if (enabledFrom === undefined) return;
  const from = Math.max(0, error.startIndex - 1);
  const region = script.slice(from, Math.min(closingLineEnd(script, error.endIndex), error.endIndex + MAX_MEND_SPAN));
  for (const match of region.matchAll(EXTENDED_GLOB)) {
    const open = from + match.index + 1;
    if (open < enabledFrom) continue;
    replace(open, '?');
    for (let index = open + 1; index < from + match.index + match[0].length; index++) {
      if (script[index] === '|' || script[index] === ')') replace(index, '?');
    }
  }
}

/** An extended glob whose pattern holds no quotes, blanks or nested parentheses. */
const EXTENDED_GLOB = /[@!+*?]\([^()\s'"]*\)/g;

/** The end of the line where `index` lies: an error can end before the glob's closing parenthesis. */
function closingLineEnd(script: string, index: number): number {
  const newline = script.indexOf('\n', index);
  return newline === -1 ? script.length : newline;
}
