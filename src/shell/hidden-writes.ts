import type { Node } from 'web-tree-sitter';
import type { Recipe } from '../recipe/recipe.js';
import { CHANGING_FILTERS, hasPrefixRedirect, onlyCommand, printsNothing, redirectOperator, writesOutput } from './output.js';
import { parsedScripts } from './parsed-scripts.js';
import { EMPTY_FILE } from './paths.js';
import { COMMAND_RUNNERS, SCRIPT_RUNNERS } from './wrappers.js';

/**
 * Whether a `run` script may change a file without naming a tool that does in its text: it runs a program whose name
 * it builds as it runs (`mayRunBuiltName`), or writes nothing or a filter's output over a file (`: > f`, `head -c 9 f > g`).
 * Ask `mayHideWritesText` first: the walk of the syntax tree costs more than all other work of the rule on most recipes.
 */
export async function runScriptMayHideWrites(recipe: Recipe): Promise<boolean> {
  return (await parsedScripts(recipe)).some((script) => script.field === 'run' && mayHideWrites(script.tree.rootNode));
}

/** A backslash and line break, removed: after any pairs of backslashes (`\\⏎` is a backslash and a line break). */
const CONTINUATION = /(?<!\\)((?:\\\\)*)\\\n/g;

/**
 * A script with lines a backslash continues joined, and quotes and backslashes removed as the shell removes them from
 * command names (`st""rip`, `\strip`): what the quick tests of a script's text read.
 */
export function plainText(script: string): string {
  return unquoted(script.replace(CONTINUATION, '$1'));
}

/**
 * A quick test of a script's `plainText`, true whenever `mayHideWrites` may be. Its patterns stop scanning where another
 * match may start, so that a line of any length is read in one pass.
 */
export function mayHideWritesText(plain: string): boolean {
  return MAY_HIDE_WRITES.test(plain);
}

/** Where a command name may start: a line, after an operator or `(`, `{`, `!`, a backquote or `$(`, or a keyword. */
const STATEMENT_START = String.raw`(?:^|[;&|(){}!\`]|\$\(|\b(?:then|do|else|elif|if|while|until|time)[ \t])[ \t]*`;
const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMES = [...SCRIPT_RUNNERS, ...COMMAND_RUNNERS, ...CHANGING_FILTERS, 'true', 'false', 'exec', 'cat'].filter((name) => name !== '.');
/**
 * At a statement's start: a command name holding an expansion (`$t`, `$(…)`), an assignment (`X=1 $t`), or a bare `:`
 * or `>`; anywhere: a runner, a filter or a command that prints nothing named, `. FILE`, `*.sh`, `/dev/null`, `echo -n`
 * or `printf` with nothing more before a `>`.
 */
const MAY_HIDE_WRITES = new RegExp(
  String.raw`${STATEMENT_START}(?:[^\s;&|()<>{}!\`]*[$\`]|[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]\s;&|(){}!\`]*\])?\+?=|[:>])` +
    String.raw`|(?:^|[^\w.-])(?:${NAMES.map(escaped).join('|')})(?![\w.-])|\.sh\b|(?:^|[\s;&|({])\.[ \t]|/dev/null` +
    // `echo -n > f`, `printf '' > f` (its quotes removed): a file written over with nothing.
    String.raw`|\becho(?:[ \t]+-[neE]+)+[ \t]*>|\bprintf[ \t]*>`,
  'm',
);

export function mayHideWrites(root: Node): boolean {
  // One walk for both kinds of node: the walk is most of the cost.
  // A function defined with redirections (`f() { :; } > f`) writes them at each call.
  return root.descendantsOfType(['command', 'redirected_statement', 'function_definition']).some((node) =>
    node.type === 'command'
      ? mayRunBuiltName(node) || copiesEmptyFile(node) || writesFilterOutput(node) || (hasPrefixRedirect(node) && mayWriteHidden(node))
      : mayWriteHidden(node),
  );
}

/**
 * Whether a command may run a program whose name the script builds as it runs (`t=st; t+=rip; $t …`, `xargs "$tool"`,
 * `eval "$a$b …"`, a script written to a file and run): a name no text test for tool names can see. True for a command
 * whose name is not a literal, for any script runner, and for a command runner given a word that is not a literal.
 */
function mayRunBuiltName(command: Node): boolean {
  const name = command.childForFieldName('name');
  if (!name) return false;
  if (!isLiteral(name)) return true;
  const program = commandName(command);
  if (SCRIPT_RUNNERS.has(program) || program.endsWith('.sh')) return true;
  return COMMAND_RUNNERS.has(program) && command.childrenForFieldName('argument').some((argument) => !isLiteral(argument));
}

function isLiteral(node: Node): boolean {
  return !node.text.includes('$') && !node.text.includes('`');
}

/**
 * `: > f`, `> f`, `head -c 9 IMG > f`, `cat IMG | xz > f`: a file written over with nothing or with a filter's output.
 * The statement is a redirected one, or a command with its redirections before its name (`> f :`).
 */
function mayWriteHidden(statement: Node): boolean {
  const replacesFile = statement.namedChildren.some((redirect) => redirect.type === 'file_redirect' && writesOutput(redirect) && !redirectOperator(redirect).endsWith('>>'));
  if (!replacesFile) return false;
  // `cmd > f`, or `a | b > f`, whose stages all feed what is written; a bare `> f` writes nothing.
  // A function's redirections apply to what its calls are given (`f() { cat "$1"; } > f; f f`).
  if (statement.type === 'function_definition') return true;
  const body = statement.type === 'command' ? statement : onlyCommand(statement.childForFieldName('body'));
  if (!body) return true;
  const stages = (body.type === 'pipeline' ? body.namedChildren : [body]).filter((stage) => stage.type === 'command');
  const last = stages[stages.length - 1];
  const words = (command: Node) => command.childrenForFieldName('argument').map((argument) => unquoted(argument.text));
  if (last && printsNothing(commandName(last), words(last))) return true;
  if (last && readsWhatItWrites(statement, last)) return true;
  return stages.some((stage) => CHANGING_FILTERS.has(commandName(stage)));
}

/**
 * `cat IMG > IMG`, `cat < IMG > ./IMG`, `cat "$PWD/IMG" > IMG`: a file named both as read and as written, which the
 * shell empties first.
 */
function readsWhatItWrites(statement: Node, command: Node): boolean {
  const path = (node: Node) => unquoted(node.text).replace(/^(\$\{?PWD\}?\/|\.\/)+/, '');
  const read = command.childrenForFieldName('argument').map(path);
  const written: string[] = [];
  for (const redirect of statement.namedChildren) {
    const destination = redirect.type === 'file_redirect' ? redirect.childForFieldName('destination') : null;
    if (destination) (redirectOperator(redirect) === '<' ? read : written).push(path(destination));
  }
  return written.some((file) => read.includes(file));
}

/** `head -c 9 IMG | sponge IMG`, `… | tee IMG`: a filter's output written over a file by a command, not a redirection. */
function writesFilterOutput(command: Node): boolean {
  if (!INPUT_WRITERS.has(commandName(command)) || command.parent?.type !== 'pipeline') return false;
  const stages = command.parent.namedChildren;
  return stages.slice(0, stages.findIndex((stage) => stage.id === command.id)).some((stage) => stage.type === 'command' && CHANGING_FILTERS.has(commandName(stage)));
}

const INPUT_WRITERS = new Set(['tee', 'sponge']);

/** A command's name as the shell runs it: `\head`, `"head"` and `/usr/bin/head` are `head`. */
function commandName(command: Node): string {
  return unquoted(command.childForFieldName('name')?.text ?? '').replace(/^.*\//, '');
}

function unquoted(text: string): string {
  return text.replace(/["'\\]/g, '');
}

/** `cp /dev/null FILE` and the like: the text names no rewriting tool, yet the file is emptied. */
function copiesEmptyFile(command: Node): boolean {
  return COPIERS.has(commandName(command)) && command.childrenForFieldName('argument').some((argument) => unquoted(argument.text) === EMPTY_FILE);
}

const COPIERS = new Set(['cp', 'install', 'ln', 'rsync', 'mv']);
