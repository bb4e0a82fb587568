import type { Node, Tree } from 'web-tree-sitter';

/** A shell syntax error with a message for people, as offsets into the script text. */
export interface ShellSyntaxError {
  message: string;
  start: number;
  end: number;
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
  const errors: ShellSyntaxError[] = [];
  const visit = (node: Node) => {
    if (node.isMissing) {
      errors.push(describeMissing(node));
      return;
    }
    if (node.isError) {
      errors.push(describeError(node));
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  const seen = new Set<number>();
  return errors.filter((error) => !seen.has(error.start) && seen.add(error.start));
}

function describeMissing(node: Node): ShellSyntaxError {
  const parent = node.parent;
  const token = node.type;
  if (token === 'heredoc_end' && parent) {
    const start = parent.children.find((child) => child?.type === 'heredoc_start');
    const delimiter = start?.text.replace(/^["']|["']$/g, '') ?? '';
    return at(parent, `here-document \`${firstLine(parent.text)}\` has no closing \`${delimiter}\` line`, firstLine(parent.text).length);
  }
  if (token === 'word' || parent?.type === 'command_name') {
    // `a &&`, `a |`: the operator before the empty command is what was left dangling.
    const command = parent?.type === 'command_name' ? parent.parent : parent;
    const operator = command?.previousSibling;
    if (operator && !operator.isNamed) return at(operator, `\`${operator.type}\` is not followed by a command`);
    return at(node, 'a command is missing here');
  }
  const opener = findOpener(parent, token);
  if (opener) return at(opener, describeOpener(opener.type, token));
  return at(node, `missing \`${token}\``);
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
  if (opener === '`') return 'unterminated backquote command substitution: the closing `` ` `` is missing';
  return `\`${opener}\` without a matching \`${closer}\``;
}

function describeError(node: Node): ShellSyntaxError {
  const tokens = leaves(node);
  const first = tokens[0];
  if (!first) return at(node, 'shell syntax error');
  const openQuote = tokens.find((token) => token.isError && token.text.startsWith("'"));
  if (openQuote) return at(openQuote, "unterminated single-quoted string: the closing `'` is missing", 1);
  const unmatched = unmatchedOpener(tokens);
  if (unmatched) {
    const closer = CLOSERS[unmatched.type]!;
    if (unmatched.type === '$((' || unmatched.type === '((') {
      return at(unmatched, `malformed arithmetic expression after \`${unmatched.type}\``);
    }
    return at(unmatched, describeOpener(unmatched.type, closer));
  }
  const danglingContinuation = /\\\r?\n?$/.exec(node.tree.rootNode.text.slice(0, node.endIndex));
  if (danglingContinuation && node.endIndex === node.tree.rootNode.endIndex) {
    const start = danglingContinuation.index;
    return { message: 'the script ends with a `\\` that continues the command onto a line that does not exist', start, end: start + 1 };
  }
  if (first.type === '$((' || first.type === '((') return at(first, `malformed arithmetic expression after \`${first.type}\``);
  if (first.type === ';;' || first.type === ';&' || first.type === ';;&') return at(first, `unexpected \`${first.type}\` outside a \`case\` item`);
  if ([')', '}', ']]', 'fi', 'done', 'esac', 'then', 'else', 'elif', 'do'].includes(first.type)) {
    return at(first, `unexpected \`${first.type}\`: nothing open here for it to close or continue`);
  }
  return at(first, `shell syntax error near \`${firstLine(first.text).slice(0, 40)}\``);
}

/** The outermost opening token among `tokens` that no later token closes. */
function unmatchedOpener(tokens: Node[]): Node | undefined {
  const stack: Node[] = [];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (top && CLOSERS[top.type] === token.type) {
      stack.pop();
      continue;
    }
    if (CLOSERS[token.type] !== undefined && !token.isNamed) stack.push(token);
  }
  return stack[0];
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
