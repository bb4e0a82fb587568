import type { Node, Tree } from 'web-tree-sitter';

/** A script with the line continuations inside its words removed, and where each of its offsets lies in the script. */
export interface JoinedScript {
  text: string;
  original: (offset: number) => number;
}

/** A backslash and line break between two characters that are not blanks: `s\⏎trip`, `"./${PKG}"\⏎.bak`. */
const INSIDE_WORD = /(?<=\S)\\\n(?=\S)/g;
/** Where a backslash and line break are kept as written: quoted text that the shell does not unescape, and comments. */
const KEPT_AS_WRITTEN = new Set(['raw_string', 'ansi_c_string', 'comment']);

/**
 * The shell removes a backslash before a line break wherever it is not quoted, before it splits words, so `s\⏎trip f`
 * runs `strip f`. tree-sitter-bash reads such a continuation inside a word as the end of a command (`s`, then `trip
 * f`). The script is parsed again with those continuations removed; undefined when it has none.
 */
export function joinedContinuations(script: string, tree: Tree): JoinedScript | undefined {
  const removed: number[] = [];
  for (const match of script.matchAll(INSIDE_WORD)) {
    const backslash = match.index;
    if (isEscaped(script, backslash) || isKeptAsWritten(tree.rootNode.descendantForIndex(backslash))) continue;
    removed.push(backslash);
  }
  if (removed.length === 0) return undefined;
  let text = '';
  let from = 0;
  /** Where each removal falls in the joined text: offsets from there on lie two further on per removal. */
  const joinedAt: number[] = [];
  for (const backslash of removed) {
    text += script.slice(from, backslash);
    joinedAt.push(text.length);
    from = backslash + 2;
  }
  text += script.slice(from);
  return { text, original: (offset) => offset + 2 * removalsUpTo(joinedAt, offset) };
}

/** An odd number of backslashes before the one at `index` quote it: `\\⏎` is a backslash, then a line break. */
function isEscaped(script: string, index: number): boolean {
  let backslashes = 0;
  while (script[index - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function isKeptAsWritten(node: Node | null): boolean {
  for (let current = node; current; current = current.parent) {
    if (KEPT_AS_WRITTEN.has(current.type)) return true;
    if (current.type === 'heredoc_body') return isQuotedHeredoc(current);
  }
  return false;
}

/** `<<'EOF'` and `<<"EOF"` keep their body as written; `<<EOF` removes continuations from it as from the script. */
function isQuotedHeredoc(body: Node): boolean {
  const start = body.parent?.children.find((child) => child?.type === 'heredoc_start');
  return start !== undefined && start !== null && /['"\\]/.test(start.text);
}

/** How many removals lie at or before `offset` of the joined text. */
function removalsUpTo(joinedAt: number[], offset: number): number {
  let low = 0;
  let high = joinedAt.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (joinedAt[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
