import type { Node } from 'web-tree-sitter';
import { isScalar } from 'yaml';
import type { Recipe } from '../recipe/recipe.js';
import { parseShell } from './parser.js';
import { parsedScripts, type ParsedScript } from './parsed-scripts.js';
import { findListing } from './listing.js';
import { programName, unwrapCommand, type Invocation } from './wrappers.js';
import { evaluateWord, type Word } from './words.js';

/** A simple command as the shell would run it, found in the syntax tree (never by matching text). */
export interface ShellCommand extends Invocation {
  /** True when the working directory is `${SBUILD_OUTDIR}` here (the script starts there; `cd`/`pushd` move away). */
  cwdIsOutdir: boolean;
  /** Redirections written on this command (`>> file`). */
  redirects: Redirect[];
}

export interface Redirect {
  operator: string;
  target: Word;
  /** Script offsets of the whole redirection. */
  start: number;
  end: number;
  cwdIsOutdir: boolean;
}

export interface ScriptCommands {
  script: ParsedScript;
  /** Every command in script order, wrapped ones included after their wrapper. */
  commands: ShellCommand[];
  redirects: Redirect[];
}

/** Node types whose children are statements; in any other node only substitutions can hold commands. */
const STATEMENT_CONTAINERS = new Set([
  'program', 'list', 'compound_statement', 'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'c_style_for_statement',
  'case_statement', 'case_item', 'function_definition', 'do_group', 'negated_command', 'declaration_command', 'heredoc_redirect',
]);

function mayHoldSubstitution(text: string): boolean {
  return text.includes('$(') || text.includes('`') || text.includes('<(') || text.includes('>(');
}

/** `bash -c` strings inside `bash -c` strings are followed this deep. */
const MAX_NESTING = 4;

const analysed = new WeakMap<Recipe, Promise<ScriptCommands[]>>();

/**
 * Whether the text of `x_exec.run` contains a word at all: a cheap test that lets a rule skip recipes whose script
 * cannot matter to it (no `fim-` anywhere, say) before anything is parsed. Commands are still only found in the tree.
 */
export function runScriptMentions(recipe: Recipe, pattern: RegExp | ((script: string) => boolean)): boolean {
  const run = recipe.node(['x_exec', 'run']);
  if (!isScalar(run) || typeof run.value !== 'string') return false;
  return typeof pattern === 'function' ? pattern(run.value) : pattern.test(run.value);
}

/** The commands of the recipe's `x_exec.run` script, found once per recipe however many rules ask. */
export function runCommands(recipe: Recipe): Promise<ScriptCommands[]> {
  let result = analysed.get(recipe);
  if (!result) {
    result = parsedScripts(recipe).then((scripts) => Promise.all(scripts.filter((script) => script.field === 'run').map(analyseScript)));
    analysed.set(recipe, result);
  }
  return result;
}

export async function analyseScript(script: ParsedScript): Promise<ScriptCommands> {
  const collector = new Collector();
  collector.walk(script.tree.rootNode, initialState(), (offset) => offset);
  await collector.followInnerScripts();
  collector.commands.sort((a, b) => a.start - b.start || a.via.length - b.via.length);
  collector.redirects.sort((a, b) => a.start - b.start);
  return { script, commands: collector.commands, redirects: collector.redirects };
}

interface State {
  bindings: Map<string, string[]>;
  /** The working directory stack: `true` for the output directory. */
  cwd: boolean[];
  via: string[];
  /** What a pipe feeds the current command: the paths the previous stage lists. */
  stdin: string[] | undefined;
  depth: number;
}

function initialState(): State {
  return { bindings: new Map(), cwd: [true], via: [], stdin: undefined, depth: 0 };
}

function cloneState(state: State): State {
  return { ...state, bindings: new Map(state.bindings), cwd: state.cwd.slice() };
}

type OffsetMap = (offset: number) => number;

interface InnerScript {
  text: string;
  offsets: number[];
  state: State;
  map: OffsetMap;
}

class Collector {
  readonly commands: ShellCommand[] = [];
  readonly redirects: Redirect[] = [];
  readonly #pending: InnerScript[] = [];
  /** What the last statement walked prints, when it lists paths (`find DIR`, `ls`): what a pipe hands on. */
  #listing: string[] | undefined;

  walk(node: Node, state: State, map: OffsetMap): void {
    switch (node.type) {
      case 'comment':
      case 'heredoc_start':
      case 'heredoc_end':
        return;
      case 'command':
        this.#command(node, state, map, []);
        return;
      case 'variable_assignment':
        this.#assign(node, state, map);
        return;
      case 'redirected_statement':
        this.#redirected(node, state, map);
        return;
      case 'pipeline':
        this.#pipeline(node, state, map);
        return;
      case 'for_statement':
        this.#forLoop(node, state, map);
        return;
      case 'subshell':
      case 'command_substitution':
      case 'process_substitution': {
        const inner = cloneState(state);
        for (const child of node.namedChildren) this.walk(child, inner, map);
        return;
      }
      default:
        if (STATEMENT_CONTAINERS.has(node.type)) for (const child of node.namedChildren) this.walk(child, state, map);
        else this.#walkSubstitutions(node, state, map);
    }
  }

  #command(node: Node, state: State, map: OffsetMap, redirects: Redirect[]): void {
    // Substitutions in the arguments run first, on the host.
    if (mayHoldSubstitution(node.text)) for (const child of node.namedChildren) if (child.type !== 'command_name') this.#walkSubstitutions(child, state, map);
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const name = mapWord(evaluateWord(nameNode, state.bindings), map);
    const args = node.childrenForFieldName('argument').map((argument) => mapWord(evaluateWord(argument, state.bindings), map));
    const invocation: Invocation = { name, args, via: state.via, start: name.start, end: (args[args.length - 1] ?? name).end, stdin: state.stdin };
    this.#listing = listingOf(invocation);
    const cwdIsOutdir = state.cwd[state.cwd.length - 1]!;
    for (const each of unwrapCommand(invocation)) {
      this.commands.push({ ...each, cwdIsOutdir, redirects: each === invocation ? redirects : [] });
      if (each.innerScript && state.depth < MAX_NESTING) this.#queueInnerScript(each, node, state, map);
    }
    trackDirectory(name.values[0] ?? '', args, state);
  }

  /** Walks the `$(…)`, `` `…` `` and `<(…)` inside a word or test, which run on the host too. */
  #walkSubstitutions(node: Node, state: State, map: OffsetMap): void {
    if (!mayHoldSubstitution(node.text)) return;
    if (node.type === 'command_substitution' || node.type === 'process_substitution') this.walk(node, state, map);
    else for (const child of node.namedChildren) this.#walkSubstitutions(child, state, map);
  }

  #assign(node: Node, state: State, map: OffsetMap): void {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (value) this.#walkSubstitutions(value, state, map);
    if (name?.type === 'variable_name') state.bindings.set(name.text, value ? evaluateWord(value, state.bindings).values : ['']);
  }

  #redirected(node: Node, state: State, map: OffsetMap): void {
    const cwdIsOutdir = state.cwd[state.cwd.length - 1]!;
    const redirects: Redirect[] = [];
    for (const redirect of node.childrenForFieldName('redirect')) {
      const destination = redirect.childForFieldName('destination');
      const operator = redirect.children.find((child) => !child.isNamed)?.type ?? '';
      if (redirect.type !== 'file_redirect' || !destination) {
        this.walk(redirect, state, map);
        continue;
      }
      this.#walkSubstitutions(destination, state, map);
      const target = mapWord(evaluateWord(destination, state.bindings), map);
      redirects.push({ operator, target, start: map(redirect.startIndex), end: map(redirect.endIndex), cwdIsOutdir });
    }
    this.redirects.push(...redirects);
    const body = node.childForFieldName('body');
    if (body?.type === 'command') this.#command(body, state, map, redirects);
    else if (body) this.walk(body, state, map);
  }

  #pipeline(node: Node, state: State, map: OffsetMap): void {
    const stages = node.namedChildren;
    let listing: string[] | undefined;
    for (const stage of stages) {
      const stageState = { ...cloneState(state), stdin: listing };
      if (stage.type === 'while_statement') bindReadVariable(stage, stageState, listing);
      this.#listing = undefined;
      this.walk(stage, stageState, map);
      // Filters (grep, sort, cut, …) pass the listing through; the first stage that lists paths defines it.
      if (commandOf(stage)) listing ??= this.#listing;
    }
    this.#listing = listing;
  }

  #forLoop(node: Node, state: State, map: OffsetMap): void {
    const variable = node.childForFieldName('variable');
    const values: string[] = [];
    for (const value of node.childrenForFieldName('value')) {
      if (value.type === 'command_substitution') values.push(...this.#substitutionListing(value, state, map));
      else {
        this.#walkSubstitutions(value, state, map);
        values.push(...evaluateWord(value, state.bindings).values);
      }
    }
    if (variable) state.bindings.set(variable.text, values.length > 0 ? values : ['${@}']);
    const body = node.childForFieldName('body');
    if (body) this.walk(body, state, map);
  }

  /** What `$(find …)` or `$(ls …)` lists, for `for f in $(…)`. */
  #substitutionListing(node: Node, state: State, map: OffsetMap): string[] {
    let listing: string[] | undefined;
    const inner = cloneState(state);
    for (const child of node.namedChildren) {
      this.#listing = undefined;
      this.walk(child, inner, map);
      listing ??= this.#listing;
    }
    return listing ?? [node.text];
  }

  #queueInnerScript(invocation: Invocation, node: Node, state: State, map: OffsetMap): void {
    const source = findArgumentNode(node, invocation.innerScript!.word);
    if (!source) return;
    const { text, offsets } = scriptText(source);
    const inner = cloneState(state);
    inner.depth++;
    inner.via = [...invocation.via, invocation.innerScript!.shell];
    inner.stdin = undefined;
    invocation.innerScript!.positional.forEach((values, index) => inner.bindings.set(String(index), values));
    const positional = invocation.innerScript!.positional.slice(1).flat();
    inner.bindings.set('@', positional);
    inner.bindings.set('*', positional);
    this.#pending.push({ text, offsets, state: inner, map: (offset) => map(offsets[Math.min(offset, offsets.length - 1)]!) });
  }

  /** Parses and walks the strings given to `bash -c` (and the ones inside those). */
  async followInnerScripts(): Promise<void> {
    while (this.#pending.length > 0) {
      const inner = this.#pending.shift()!;
      const tree = await parseShell(inner.text);
      if (!tree) continue;
      try {
        this.walk(tree.rootNode, inner.state, inner.map);
      } finally {
        tree.delete();
      }
    }
  }
}

function mapWord(word: Word, map: OffsetMap): Word {
  return { ...word, start: map(word.start), end: map(Math.max(word.start, word.end - 1)) + 1 };
}

function commandOf(stage: Node): Node | undefined {
  if (stage.type === 'command') return stage;
  if (stage.type === 'redirected_statement') {
    const body = stage.childForFieldName('body');
    return body?.type === 'command' ? body : undefined;
  }
  return undefined;
}

/** The paths a command prints, for a pipe into `xargs` or `while read`: `find DIR…`, `ls`, `echo`. */
function listingOf(invocation: Invocation): string[] | undefined {
  const name = programName(invocation.name);
  const args = invocation.args.map((arg) => arg.values);
  if (name === 'find') return findListing(args);
  if (name === 'ls') {
    const paths = args.flat().filter((arg) => !arg.startsWith('-'));
    return paths.length === 0 ? ['./*'] : paths.map((path) => (path === '.' || /^\$\{SBUILD_OUTDIR\}\/?$/.test(path) ? `${path.replace(/\/$/, '')}/*` : path));
  }
  if (name === 'echo') return args.flat().filter((arg) => !arg.startsWith('-'));
  // printf's first operand is its format, not a path it prints.
  if (name === 'printf') return args.slice(args[0]?.[0] === '-v' ? 3 : 1).flat();
  return undefined;
}

function bindReadVariable(loop: Node, state: State, listing: string[] | undefined): void {
  const condition = loop.childForFieldName('condition');
  const read = condition && commandOf(condition);
  if (!read || read.childForFieldName('name')?.text !== 'read') return;
  const names = read.childrenForFieldName('argument').map((argument) => argument.text).filter((arg) => !arg.startsWith('-'));
  const last = names[names.length - 1];
  if (last) state.bindings.set(last, listing ?? [`\${${last}}`]);
}

/** `cd`, `pushd` and `popd` move the working directory: only the output directory itself keeps relative paths there. */
function trackDirectory(name: string, args: Word[], state: State): void {
  const operands = args.filter((arg) => !/^-[A-Za-z]*$/.test(arg.values[0] ?? ''));
  const isOutdir = (word: Word | undefined) => word !== undefined && word.values.every((value) => /^(\.|\.\/|\$\{(SBUILD_OUTDIR|PWD)\}\/?)$/.test(value));
  if (name === 'cd') state.cwd[state.cwd.length - 1] = isOutdir(operands[0]);
  else if (name === 'pushd' && operands.length > 0) state.cwd.push(isOutdir(operands[0]));
  else if (name === 'popd' && state.cwd.length > 1) state.cwd.pop();
}

function findArgumentNode(command: Node, word: Word): Node | undefined {
  return command.childrenForFieldName('argument').find((argument) => argument.text === word.raw);
}

/** The text of a quoted or plain word as a script, with the script offset of each of its characters. */
function scriptText(node: Node): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  const add = (value: string, start: number, escapes: RegExp | undefined) => {
    for (let index = 0; index < value.length; index++) {
      if (escapes && value[index] === '\\' && escapes.test(value[index + 1] ?? '')) index++;
      text += value[index];
      offsets.push(start + index);
    }
  };
  if (node.type === 'raw_string') add(node.text.slice(1, -1), node.startIndex + 1, undefined);
  else if (node.type === 'string') {
    for (const child of node.namedChildren) add(child.text, child.startIndex, child.type === 'string_content' ? /[$`"\\]/ : undefined);
  } else add(node.text, node.startIndex, /./);
  offsets.push(node.endIndex);
  return { text, offsets };
}
