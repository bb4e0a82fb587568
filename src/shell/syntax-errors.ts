import type { Node, Tree } from 'web-tree-sitter';
import { unclosedQuote } from './unclosed-quote.js';

/** A shell syntax error with a message for people, as offsets into the script text. */
export interface ShellSyntaxError {
  message: string;
  start: number;
  end: number;
}

/** An error found in the tree, and whether it comes of something left open that the rest of the script should close. */
interface FoundError {
  node: Node;
  error: ShellSyntaxError;
  leftOpen: boolean;
}

/** The token that closes each opening token. */
const CLOSERS: Record<string, string> = {
  if: 'fi',
  case: 'esac',
  do: 'done',
  '{': '}',
  '(': ')',
  '((': '))',
  '$(': ')',
  '$((': '))',
  '${': '}',
  '[[': ']]',
  '[': ']',
  '`': '`',
  '"': '"',
  '$"': '"',
};

/** Openers of commands and groups: what closes one of them is fixed, so another closer before it is a stray. */
const GROUP_OPENERS = new Set(['if', 'case', 'do', '{', '(', '$(', '[[']);
const GROUP_CLOSERS = new Set(['fi', 'esac', 'done', '}', ')', ']]']);

/** Node types whose missing closing token means their opening token is unmatched. */
const OPENER_OF_MISSING: Record<string, string> = {
  fi: 'if',
  esac: 'case',
  done: 'do',
};

/**
 * The syntax errors of a parsed script. Tree-sitter marks them with ERROR nodes (text it could not fit) and MISSING
 * nodes (a token it had to invent); neither carries a message, so one is made from the node and its context. The
 * error points at the token that is left open (the `if` of a missing `fi`), not at the end of the script.
 */
export function shellSyntaxErrors(tree: Tree): ShellSyntaxError[] {
  const found: FoundError[] = [];
  const visit = (node: Node) => {
    if (node.isMissing) {
      found.push({ node, ...describeMissing(node) });
      return;
    }
    if (node.isError) {
      found.push({ node, ...describeError(node) });
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  const seen = new Set<number>();
  return explainedByUnclosedQuote(tree, found).filter((error) => !seen.has(error.start) && seen.add(error.start));
}

/**
 * A quote that is never closed turns the rest of the script into one string, and the parser then reports whatever
 * that leaves open (the `if` whose `fi` is inside the string) or cannot fit. Bash reads the quote as unterminated, so
 * the errors after it, and those of tokens it leaves open before it, give way to one error at the quote. It is claimed
 * only where the parser's own tokens also open something at that quote.
 */
function explainedByUnclosedQuote(tree: Tree, found: FoundError[]): ShellSyntaxError[] {
  const errors = found.map(({ error }) => error);
  if (found.length === 0) return errors;
  // The root node starts at the script's first token, not at its leading blanks.
  const unclosed = unclosedQuote(tree.rootNode.text);
  const quote = unclosed && { opener: unclosed.opener, start: unclosed.start + tree.rootNode.startIndex };
  if (!quote || !parserOpensAt(tree, quote.start, quote.opener)) return errors;
  const explained = (item: FoundError) => item.node.endIndex > quote.start && (item.error.start >= quote.start || item.leftOpen);
  if (!found.some(explained)) return errors;
  const before = found.filter((item) => !explained(item)).map(({ error }) => error);
  const quoteError = { message: describeOpener(quote.opener, CLOSERS[quote.opener] ?? "'"), start: quote.start, end: quote.start + quote.opener.length };
  return [...before.filter((error) => error.start < quote.start), quoteError, ...before.filter((error) => error.start >= quote.start)];
}

/** Whether the parser has a token that starts at the opener (at its quote, for `$'` and `$"`, which it splits). */
function parserOpensAt(tree: Tree, start: number, opener: string): boolean {
  const startsAt = (offset: number) => tree.rootNode.descendantForIndex(offset, offset + 1)?.startIndex === offset;
  return startsAt(start) || (opener.length === 2 && opener.startsWith('$') && startsAt(start + 1));
}

function describeMissing(node: Node): { error: ShellSyntaxError; leftOpen: boolean } {
  const other = (error: ShellSyntaxError) => ({ error, leftOpen: false });
  const parent = node.parent;
  const token = node.type;
  if (token === 'heredoc_end' && parent) {
    const start = parent.children.find((child) => child?.type === 'heredoc_start');
    const delimiter = start?.text.replace(/^["']|["']$/g, '') ?? '';
    return other(at(parent, `here-document \`${firstLine(parent.text)}\` has no closing \`${delimiter}\` line`, firstLine(parent.text).length));
  }
  if (token === 'word' || parent?.type === 'command_name') {
    // `a &&`, `a |`: the operator before the empty command is what was left dangling.
    const command = parent?.type === 'command_name' ? parent.parent : parent;
    const operator = command?.previousSibling;
    if (operator && !operator.isNamed) return other(at(operator, `\`${operator.type}\` is not followed by a command`));
    return other(at(node, 'a command is missing here'));
  }
  const opener = findOpener(parent, token);
  if (opener) return { error: at(opener, describeOpener(opener.type, token)), leftOpen: true };
  return other(at(node, `missing \`${token}\``));
}

/** The first child of `parent` that `token` would close, or the parent's first token. */
function findOpener(parent: Node | null, token: string): Node | undefined {
  if (!parent) return undefined;
  const wanted = OPENER_OF_MISSING[token];
  const children = parent.children.filter((child): child is Node => child !== null);
  const match = children.find((child) => (wanted ? child.type === wanted : CLOSERS[child.type] === token));
  return match ?? children.find((child) => !child.isNamed && !child.isMissing && CLOSERS[child.type] !== undefined);
}

function describeOpener(opener: string, closer: string): string {
  if (opener === '"' || opener === '$"') return 'unterminated double-quoted string: the closing `"` is missing';
  if (opener === "'") return "unterminated single-quoted string: the closing `'` is missing";
  if (opener === "$'") return "unterminated `$'…'` string: the closing `'` is missing";
  if (opener === '`') return 'unterminated backquote command substitution: the closing `` ` `` is missing';
  return `\`${opener}\` without a matching \`${closer}\``;
}

function describeError(node: Node): { error: ShellSyntaxError; leftOpen: boolean } {
  const other = (error: ShellSyntaxError) => ({ error, leftOpen: false });
  const tokens = leaves(node);
  const first = tokens[0];
  if (!first) return other(at(node, 'shell syntax error'));
  const { unmatched, stray } = scanOpeners(tokens, enclosingOpener(node));
  const openQuote = tokens.find((token) => token.isError && token.text.startsWith("'"));
  if (stray && !(openQuote && openQuote.startIndex < stray.closer.startIndex)) {
    const { opener, closer } = stray;
    return other(at(closer, `unexpected \`${closer.type}\`: the \`${opener.type}\` before it is still open, and only \`${CLOSERS[opener.type]}\` closes it`));
  }
  if (openQuote) return { error: at(openQuote, describeOpener("'", "'"), 1), leftOpen: true };
  if (unmatched) {
    const closer = CLOSERS[unmatched.type]!;
    if (unmatched.type === '$((' || unmatched.type === '((') {
      return other(at(unmatched, `malformed arithmetic expression after \`${unmatched.type}\``));
    }
    return { error: at(unmatched, describeOpener(unmatched.type, closer)), leftOpen: true };
  }
  const danglingContinuation = /\\\r?\n?$/.exec(node.tree.rootNode.text.slice(0, node.endIndex));
  if (danglingContinuation && node.endIndex === node.tree.rootNode.endIndex) {
    const start = danglingContinuation.index;
    return other({ message: 'the script ends with a `\\` that continues the command onto a line that does not exist', start, end: start + 1 });
  }
  if (first.type === '$((' || first.type === '((') return other(at(first, `malformed arithmetic expression after \`${first.type}\``));
  if (first.type === ';;' || first.type === ';&' || first.type === ';;&') return other(at(first, `unexpected \`${first.type}\` outside a \`case\` item`));
  if ([')', '}', ']]', 'fi', 'done', 'esac', 'then', 'else', 'elif', 'do'].includes(first.type)) {
    return other(at(first, `unexpected \`${first.type}\`: nothing open here for it to close or continue`));
  }
  return other(at(first, `shell syntax error near \`${firstLine(first.text).slice(0, 40)}\``));
}

/**
 * The outermost opening token among `tokens` that no later token closes, and the first closing token that meets a
 * command or group opened with another (`)` inside `{ … }`), which bash rejects right there.
 */
function scanOpeners(tokens: Node[], enclosing: Node | undefined): { unmatched?: Node; stray?: { opener: Node; closer: Node } } {
  const stack: Node[] = enclosing ? [enclosing] : [];
  let stray: { opener: Node; closer: Node } | undefined;
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (top && CLOSERS[top.type] === token.type) {
      stack.pop();
      continue;
    }
    // A `case` item's pattern ends with `)`.
    const patternEnd = top?.type === 'case' && token.type === ')';
    if (top && !stray && !patternEnd && GROUP_OPENERS.has(top.type) && GROUP_CLOSERS.has(token.type)) stray = { opener: top, closer: token };
    if (CLOSERS[token.type] !== undefined && !token.isNamed) stack.push(token);
  }
  return { unmatched: stack.find((token) => token !== enclosing), stray };
}

/** The opening token of the `if`, loop body or `{ … }` that an error node sits in (the parser closed it after the error). */
function enclosingOpener(node: Node): Node | undefined {
  let parent = node.parent;
  while (parent?.isError) parent = parent.parent;
  const opener = parent?.firstChild;
  return opener && !opener.isNamed && GROUP_OPENERS.has(opener.type) && opener.startIndex < node.startIndex ? opener : undefined;
}

/** The tokens of a node in order (an ERROR leaf counts as one token). */
function leaves(node: Node): Node[] {
  if (node.childCount === 0) return node.isMissing ? [] : [node];
  return node.children.flatMap((child) => (child ? leaves(child) : []));
}

function at(node: Node, message: string, length?: number): ShellSyntaxError {
  const start = node.startIndex;
  const end = length === undefined ? Math.max(start, Math.min(node.endIndex, start + firstLine(node.text).length)) : start + length;
  return { message, start, end };
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}
