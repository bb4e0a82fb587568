import type { Node } from 'web-tree-sitter';
import { isScalar } from 'yaml';
import type { Recipe } from '../recipe/recipe.js';
import { shellParser, type ShellParse } from './parser.js';
import { joinedContinuations } from './continuations.js';
import { parsedScripts, type ParsedScript } from './parsed-scripts.js';
import { EXPORTED_VARIABLES } from '../sbuild/exported-variables.js';
import { findListing } from './listing.js';
import { scriptDialect } from './dialect.js';
import { containerPath, programName, scriptFileShell, shownFile, stdinShell, unwrapCommand, xargsArgFile, type Assignment, type Container, type Invocation } from './wrappers.js';
import { evaluateWord, heredocText, printed, type Word } from './words.js';
import { perRecipe } from '../recipe/per-recipe.js';
import { describeOutput, fileOperands, hasPrefixRedirect, onlyCommand, printedContent, printsNothing, redirectOperator, writesOutput, type PrintedContent } from './output.js';
import { OUTDIR, resolvePath, type Place } from './paths.js';
import { DEFAULT_IFS, readFields, splitWords } from './read-fields.js';
import { Variables } from './variables.js';
import { WrittenFiles, type FileContent } from './written-files.js';
import { echoOutput, printfOutput, scriptText, withPlaceholder, type ScriptText } from './script-text.js';

/** A simple command as the shell would run it, found in the syntax tree (never by matching text). */
export interface ShellCommand extends Invocation {
  /** True when the working directory is `${SBUILD_OUTDIR}` here (the script starts there; `cd`/`pushd` move away). */
  cwdIsOutdir: boolean;
  /** The working directory when it is another one the script names (`${SBUILD_TMPDIR}`, `/tmp/w`, `${SBUILD_OUTDIR}/w`). */
  cwd?: string;
  /** Redirections written on this command (`>> file`). */
  redirects: Redirect[];
  /** For a command run as part of a function call, the functions called, outermost first. */
  calls?: string[];
  /** True when the name is a function the script defined: bash runs it, not the program of that name. */
  runsFunction?: boolean;
}

export interface Redirect {
  operator: string;
  target: Word;
  /** Whether it writes the command's standard output (`>`, `>>`, `&>`; not `2>`). */
  writesOutput: boolean;
  /** For `cat FILE… > target`: the files whose content the target gets; with `changedBy`, changed on the way. */
  from?: Word[];
  /** For `head -c 100 FILE > target`, `xz -c FILE > target`: the filter that changes what it copies, and where it is. */
  changedBy?: { program: string; start: number; end: number };
  /** For `: > target`, `> target`: nothing is written, so the target is left empty. */
  empties?: boolean;
  /** For `exec 3> target`, `cmd 2> target`: the descriptor other than standard output that empties the target as it opens it. */
  descriptor?: string;
  /**
   * For `printf x 1<> target`, and `printf x >&3` after `exec 3<> target`: the command's output goes over the file's
   * bytes in place, from its start, as `<>` opens a file without truncating it.
   */
  overwrites?: boolean;
  /** Under `set -C` (`noclobber`), `>` fails on a file that exists, which it leaves as it was. */
  refusedIfExists?: boolean;
  /** Script offsets of the whole redirection. */
  start: number;
  end: number;
  cwdIsOutdir: boolean;
  cwd?: string;
  calls?: string[];
}

export interface ScriptCommands {
  script: ParsedScript;
  /** Every command in script order, wrapped ones included after their wrapper. */
  commands: ShellCommand[];
  redirects: Redirect[];
  /**
   * Every command and redirection in the order the script runs them. A function's body comes once where it is defined
   * and again at each call, with the call's arguments bound to `$1`, `$@`…; those runs are only here.
   */
  trace: (ShellCommand | Redirect)[];
  /** Containers whose script was left unwalked (`deferContainers`), in script order. */
  deferred: DeferredContainer[];
  /** Where a limit of the analysis first stopped it (script offset), and which: what lies past it is not in `commands`. */
  cutShort: CutShort | undefined;
}

/**
 * A limit that keeps any script's analysis small: past it, what runs is not followed. `depth`: statements nest deeper
 * than `MAX_WALK_DEPTH`; `nesting`: scripts and calls inside one another deeper than `MAX_NESTING`; `scripts`: more than
 * `MAX_INNER_SCRIPTS` inner scripts; `calls`: more than `MAX_CALLS` function calls; `parse`: an inner script that took
 * longer than the time limit to parse.
 */
export interface CutShort {
  at: number;
  limit: 'depth' | 'nesting' | 'scripts' | 'calls' | 'parse';
}

/** A container's script left unwalked: the trace index of the command that runs it, and what the container mounts. */
export interface DeferredContainer {
  index: number;
  container: Container;
}

export interface AnalysisOptions {
  /**
   * Leave the scripts containers run unwalked, each listed in `deferred`: a rule that can tell from the rest of the
   * script that a container cannot reach what it cares about saves parsing them, and walks them only when it can not.
   */
  deferContainers?: boolean;
}

/** Node types whose children are statements; in any other node only substitutions can hold commands. */
const STATEMENT_CONTAINERS = new Set([
  'program', 'compound_statement', 'if_statement', 'elif_clause', 'else_clause', 'while_statement',
  'case_statement', 'case_item', 'do_group', 'negated_command', 'heredoc_redirect',
]);

function mayHoldSubstitution(text: string): boolean {
  return text.includes('$(') || text.includes('`') || text.includes('<(') || text.includes('>(');
}

/** Scripts inside scripts (`bash -c`, `eval`, here-documents, aliases) and function calls are followed this deep. */
export const MAX_NESTING = 16;
/** At most this many scripts inside one script are parsed, so that no recipe can make the analysis slow. */
export const MAX_INNER_SCRIPTS = 64;
/** At most this many function bodies are walked for calls, however the calls nest and repeat. */
export const MAX_CALLS = 256;
/**
 * Statements, substitutions and scripts inside one another are walked this deep, all together: each level takes a
 * few frames of the stack, which about 4,000 levels (nested `if`s, subshells) overflow. No real script comes close.
 */
export const MAX_WALK_DEPTH = 1000;

/**
 * Whether the text of `x_exec.run` contains a word at all: a cheap test that lets a rule skip recipes whose script
 * cannot matter to it (no `fim-` anywhere, say) before anything is parsed. Commands are still only found in the tree.
 */
export function runScriptMentions(recipe: Recipe, pattern: RegExp | ((script: string) => boolean)): boolean {
  const run = runScriptText(recipe);
  if (run === undefined) return false;
  return typeof pattern === 'function' ? pattern(run) : pattern.test(run);
}

/** The text of `x_exec.run`, when it is a string. */
export function runScriptText(recipe: Recipe): string | undefined {
  const run = recipe.node(['x_exec', 'run']);
  return isScalar(run) && typeof run.value === 'string' ? run.value : undefined;
}

/** The commands of the recipe's `x_exec.run` script, found once per recipe however many rules ask. */
export function runCommands(recipe: Recipe, options: AnalysisOptions = {}): Promise<ScriptCommands[]> {
  return options.deferContainers ? analysedWithoutContainers(recipe) : analysed(recipe);
}

/** The analyses of the run scripts with the scripts that containers run left unwalked (`deferred`). */
const analysedWithoutContainers = perRecipe(async function deferringAnalyses(recipe): Promise<ScriptCommands[]> {
  const runScripts = (await parsedScripts(recipe)).filter((script) => script.field === 'run');
  return Promise.all(runScripts.map((script) => analyseScript(script, { deferContainers: true })));
});

/**
 * The analyses with every container's script walked. A script whose analysis deferred no container was walked
 * completely already: that analysis is the complete one, and only scripts that run containers are walked again.
 */
const analysed = perRecipe(async function completeAnalyses(recipe): Promise<ScriptCommands[]> {
  const deferring = await analysedWithoutContainers(recipe);
  return Promise.all(deferring.map((analysis) => (analysis.deferred.length === 0 ? analysis : analyseScript(analysis.script))));
});

export async function analyseScript(script: ParsedScript, options: AnalysisOptions = {}): Promise<ScriptCommands> {
  const collector = new Collector(await shellParser(), options.deferContainers ?? false);
  collector.walk(script.tree.rootNode, initialState(script), (offset) => offset);
  collector.commands.sort((a, b) => a.start - b.start || a.via.length - b.via.length);
  collector.redirects.sort((a, b) => a.start - b.start);
  const { cancelled } = collector;
  if (cancelled.size === 0) return { script, commands: collector.commands, redirects: collector.redirects, trace: collector.trace, deferred: collector.deferred, cutShort: collector.cutShort };
  // The handlers of traps cleared or replaced before they could run never run.
  const runs = (step: Step) => !cancelled.has(step);
  const trace = collector.trace.filter(runs);
  const deferred = collector.deferred.flatMap(({ index, container }) => (runs(collector.trace[index]!) ? [{ index: trace.indexOf(collector.trace[index]!), container }] : []));
  return { script, commands: collector.commands.filter(runs), redirects: collector.redirects.filter(runs), trace, deferred, cutShort: collector.cutShort };
}

interface State {
  bindings: Variables;
  /** `alias NAME=VALUE`: what each name stands for as a command. */
  aliases: Map<string, string>;
  /** Whether the shell expands aliases in a script: sh, dash and ksh do; bash after `shopt -s expand_aliases`. */
  expandAliases: boolean;
  /** Arrays the script assigned (`cmd=(strip -s)`), and `@` for the positional parameters: each element's values. */
  arrays: Map<string, string[][]>;
  /** Variables a child shell inherits. */
  exported: Set<string>;
  /** The working directory stack: `OUTDIR`, another directory the script names, or undefined when not known. */
  cwd: (string | undefined)[];
  via: string[];
  /** What a pipe feeds the current command: the paths the previous stage lists. */
  stdin: string[] | undefined;
  /** What a pipe feeds the current command when it is a script (`cat <<EOF | sh`, `echo "…" | bash`). */
  stdinScript: ScriptSource[] | undefined;
  /** What a pipe feeds the current command when it is the content of files (`cat IMG | head -c 9`). */
  stdinContent: PrintedContent | undefined;
  depth: number;
  /** The variables the function being called declared its own (`local`, or `declare` without `-g`). */
  locals: Set<string> | undefined;
  /** The functions being called, outermost first, and how many arguments each call was given. */
  calls: string[];
  callArities: number[];
  /** Inside `docker run -v HOST:DIR …`: how paths map back to the host. */
  container: Container | undefined;
  /**
   * The handlers this shell may run on each signal (`trap '…' EXIT`), as the steps their walk recorded: several when
   * one was set under a condition. A subshell starts with none; a function shares its caller's.
   */
  traps: Map<string, Step[][]>;
  /** The descriptors `exec N<> FILE` opened to read and write: the file each one is. */
  descriptors: Map<string, Word>;
  /** `set -C`, `set -o noclobber`: `>` and `&>` do not write over a file that exists. */
  noclobber: boolean;
}

function initialState(script: ParsedScript): State {
  const bindings = new Variables(script.field === 'run' ? lowercaseBuilderVariables(script.text) : undefined);
  const exported = new Set(bindings.keys());
  // What `OLDIFS=$IFS … IFS=$OLDIFS` saves and restores.
  bindings.set('IFS', [DEFAULT_IFS]);
  return {
    bindings, aliases: new Map(), expandAliases: scriptDialect(script.shell).shell !== 'bash', arrays: new Map(), exported, cwd: [OUTDIR], via: [],
    stdin: undefined, stdinScript: undefined, stdinContent: undefined, depth: 0, locals: undefined, calls: [], callArities: [], container: undefined, traps: new Map(),
    descriptors: new Map(),
    noclobber: false,
  };
}

const LOWERCASE_BUILDER_VARIABLES = EXPORTED_VARIABLES.map(({ name }) => name.toLowerCase());

/**
 * The builder exports each of its variables in both cases (builder-truth §2.1): `$sbuild_outdir/$pkg` names
 * `${SBUILD_OUTDIR}/${PKG}`. A lowercase name that the script also writes other than after `$` (`for pkg in`,
 * `read pkg`, `local pkg`, `pkg=`) may be assigned in a way the walk does not follow: it is left unknown rather than
 * taken for the builder's.
 */
function lowercaseBuilderVariables(text: string): Map<string, string[]> {
  const bindings = new Map<string, string[]>();
  for (const name of LOWERCASE_BUILDER_VARIABLES) {
    if (!text.includes(name)) continue;
    const expanded = new RegExp(`\\$\\{?${name}(?!\\w)`).test(text);
    const written = new RegExp(`(?<![\\w$]|\\$\\{)${name}(?!\\w)`).test(text);
    if (expanded && !written) bindings.set(name, [`\${${name.toUpperCase()}}`]);
  }
  return bindings;
}

/** The characters that split fields: `IFS` when its one value is known, else the shell's default. */
function fieldSeparators(ifs: readonly string[] | undefined): string {
  return ifs?.length === 1 && !ifs[0]!.includes('${') ? ifs[0]! : DEFAULT_IFS;
}

function cloneState(state: State): State {
  return { ...state, bindings: state.bindings.clone(), aliases: new Map(state.aliases), arrays: new Map(state.arrays), exported: new Set(state.exported), cwd: state.cwd.slice(), traps: new Map(), descriptors: new Map(state.descriptors) };
}

type OffsetMap = (offset: number) => number;

type Step = ShellCommand | Redirect;

/** A script found in the script (a string, a here-document body, what printf prints), with the map of its tree's offsets. */
interface ScriptSource {
  script: () => ScriptText;
  map: OffsetMap;
}

function nodeScript(node: Node, map: OffsetMap): ScriptSource {
  return { script: () => scriptText(node), map };
}

/** The same script with its text taken now: it no longer needs its tree, which an inner script frees when it ends. */
function detached(source: ScriptSource): ScriptSource {
  const text = source.script();
  return { script: () => text, map: source.map };
}

interface FunctionDefinition {
  body: Node;
  /** The definition, when redirections follow its body (`f() { …; } > FILE`): they apply at each call. */
  redirected?: Node;
  map: OffsetMap;
}

const POSITIONAL = /^(\d+|@|\*|#)$/;
/** Paths that read a process's standard input. */
const STANDARD_INPUT = /^\/(dev\/stdin|dev\/fd\/0|proc\/self\/fd\/0)$/;
/** A word that is one unquoted expansion, whose value the shell splits into words: `$S`, `${S}`, `$(echo …)`. */
const UNQUOTED_EXPANSION = /^((simple_)?expansion|command_substitution)$/;
/** Words that may stand for all elements of an array: `"${name[@]}"`, `${name[*]}`, `"$@"`, `$*`. */
const ALL_ELEMENTS = /\[[@*]\](:[^}]*)?\}|\$\{?[@*]/;
/** An element of an array written with its index or key: `[img]=./x`. */
const KEYED_ELEMENT = /^\[([^\]]+)\]=(.*)$/s;

class Collector {
  readonly commands: ShellCommand[] = [];
  readonly redirects: Redirect[] = [];
  readonly trace: (ShellCommand | Redirect)[] = [];
  readonly deferred: DeferredContainer[] = [];
  /** The steps of trap handlers that never run: the trap was cleared or set again before the shell ended. */
  readonly cancelled = new Set<Step>();
  cutShort: CutShort | undefined;
  #depth = 0;
  readonly #deferContainers: boolean;
  readonly #functions = new Map<string, FunctionDefinition>();
  readonly #parse: ShellParse;
  #innerScripts = 0;
  #calls = 0;
  /** What the last statement walked prints, when it lists paths (`find DIR`, `ls`): what a pipe hands on. */
  #listing: string[] | undefined;
  /** What the last statement walked prints, when it prints scripts (`echo "strip x"`, `cat <<EOF`, `cat build.sh`). */
  #printedScript: ScriptSource[] | undefined;
  /** What the last statement walked prints, when it prints the content of files (`cat IMG`, `head -c 9 IMG`). */
  #printedContent: PrintedContent | undefined;
  readonly #files = new WrittenFiles<ScriptSource>();
  /** The statements a method of their own walks, by node type. */
  readonly #statements = new Map<string, (this: Collector, node: Node, state: State, map: OffsetMap) => void>([
    // `> FILE cmd`: redirections may come before the command name; bash applies them as if they followed it.
    ['command', (node, state, map) => (hasPrefixRedirect(node) ? this.#redirected(node, state, map) : this.#command(node, state, map, [], undefined))],
    ['variable_assignment', this.#assign],
    ['declaration_command', this.#declare],
    ['unset_command', this.#unset],
    ['function_definition', this.#defineFunction],
    ['redirected_statement', this.#redirected],
    ['pipeline', this.#pipeline],
    ['for_statement', this.#forLoop],
    ['c_style_for_statement', this.#countingLoop],
  ]);

  constructor(parse: ShellParse, deferContainers: boolean) {
    this.#parse = parse;
    this.#deferContainers = deferContainers;
  }

  walk(node: Node, state: State, map: OffsetMap): void {
    if (this.#depth >= MAX_WALK_DEPTH) {
      this.cutShort ??= { at: map(node.startIndex), limit: 'depth' };
      return;
    }
    this.#depth++;
    try {
      this.#walkNode(node, state, map);
    } finally {
      this.#depth--;
    }
  }

  #walkNode(node: Node, state: State, map: OffsetMap): void {
    switch (node.type) {
      case 'comment':
      case 'heredoc_start':
      case 'heredoc_end':
        return;
      case 'heredoc_body':
        // Only its `$(…)` run here; as a script it runs where it is fed to a shell.
        this.#walkSubstitutions(node, state, map);
        return;
      case 'subshell':
      case 'command_substitution':
      case 'process_substitution': {
        const inner = cloneState(state);
        // Functions a subshell defines or unsets are its own.
        const functions = new Map(this.#functions);
        for (const child of node.namedChildren) this.walk(child, inner, map);
        if (!sameEntries(functions, this.#functions)) this.#restoreFunctions(functions);
        // `$(< list)`: what the file holds.
        const read = node.type === 'command_substitution' ? node.childForFieldName('redirect') : null;
        const file = read?.type === 'file_redirect' ? read.childForFieldName('destination') : null;
        if (file) this.#listing = this.#files.read(evaluateWord(file, state.bindings).values, workingDirectory(state))?.listing;
        return;
      }
      case 'list':
        for (const row of listRows(node)) this.walk(row, state, map);
        return;
      default: {
        const statement = this.#statements.get(node.type);
        if (statement) statement.call(this, node, state, map);
        else if (STATEMENT_CONTAINERS.has(node.type)) for (const child of node.namedChildren) this.walk(child, state, map);
        else this.#walkSubstitutions(node, state, map);
      }
    }
  }

  #record(command: ShellCommand | Redirect, state: State): void {
    if (state.calls.length > 0) command.calls = state.calls;
    else if ('operator' in command) this.redirects.push(command);
    else this.commands.push(command);
    this.trace.push(command);
  }

  #command(node: Node, state: State, map: OffsetMap, redirects: Redirect[], input: ScriptSource[] | undefined): void {
    const text = node.text;
    // Substitutions in the arguments run first, on the host.
    const listings = mayHoldSubstitution(text) ? new Map<number, string[]>() : undefined;
    if (listings) for (const child of node.namedChildren) if (child.type !== 'command_name') this.#walkSubstitutions(child, state, map, listings);
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const alias = state.expandAliases && nameNode.firstChild?.type === 'word' ? state.aliases.get(nameNode.text) : undefined;
    if (alias !== undefined) {
      this.#expandAlias(node, nameNode, alias, state, map);
      return;
    }
    let words = this.#expand([nameNode, ...node.childrenForFieldName('argument')], state, map, listings);
    if (state.container) words = words.map((word, index) => (index === 0 ? word : containerPath(word, state.container!)));
    const [name, ...args] = words;
    if (!name) return;
    const invocation: Invocation = { name, args, via: state.via, start: name.start, end: (args[args.length - 1] ?? name).end, stdin: state.stdin };
    if (state.container) invocation.container = state.container;
    const environment = prefixAssignments(node, state);
    if (environment.length > 0) invocation.environment = environment;
    const commandProgram = programName(name);
    const place = workingDirectory(state);
    const argFile = commandProgram === 'xargs' ? xargsArgFile(args) : undefined;
    if (argFile) invocation.stdin = this.#files.read(argFile.values, place)?.listing;
    const catFiles = commandProgram === 'cat' ? fileOperands(args) : undefined;
    // `cat FILE… > target`: the target gets the files' content (`head -c 9 FILE > target`: changed); what the script
    // wrote into them is printed again.
    this.#printedContent = printedContent(commandProgram, name, args, redirects, state.stdinContent);
    if (redirects.some((redirect) => redirect.writesOutput || redirect.overwrites)) {
      describeOutput(redirects, printsNothing(commandProgram, args.map((arg) => arg.values[0] ?? '')) ? 'nothing' : this.#printedContent);
    }
    const catted = catFiles?.length ? this.#files.read(catFiles.flatMap((file) => file.values), place) : undefined;
    this.#listing = listingOf(invocation) ?? catted?.listing;
    this.#printedScript = printedScript(node, invocation, map) ?? (catted?.scripts.length ? catted.scripts : undefined);
    const herestring = text.includes('<<<') ? node.childrenForFieldName('redirect').find((redirect) => redirect.type === 'herestring_redirect')?.namedChildren[0] : undefined;
    const scriptInput = input ?? (herestring ? [nodeScript(herestring, map)] : state.stdinScript);
    if (commandProgram === 'tee') this.#tee(args, place, state.stdin, scriptInput);
    if (herestring && !invocation.stdin) invocation.stdin = evaluateWord(herestring, state.bindings).values;
    for (const each of unwrapCommand(invocation)) {
      const program = programName(each.name);
      const runsFunction = each === invocation && this.#functions.has(program);
      this.#record({ ...each, ...place, redirects: each === invocation ? redirects : [], ...(runsFunction ? { runsFunction } : {}) }, state);
      const childState = withEnvironment(each, state);
      if ((program === 'tee' || program === 'sponge') && !runsFunction) this.#writeInput(each, redirects, state);
      if (each.innerScript) {
        const source = findArgumentNode(node, each.innerScript.word);
        const scripts = source ? withPlaceholderReplaced(nodeScript(source, map), each.replaced) : [];
        for (const script of scripts) this.#childShell(script, each, each.innerScript.shell, each.innerScript.positional, childState);
      } else if (program === 'eval' && each.via.length === state.via.length) this.#eval(node, state, map);
      else if (program === 'trap' && each === invocation) this.#trap(node, state, map);
      else if (runsFunction) this.#call(program, args, state, name.start);
      else if ((program === 'source' || program === '.') && each.args[0]) this.#source(program, each.args[0], state, scriptInput);
      else {
        const shell = scriptInput ? stdinShell(each) : undefined;
        if (scriptInput && shell) for (const source of scriptInput) this.#childShell(source, each, shell.shell, shell.positional, childState);
        else this.#scriptFile(each, childState, scriptInput);
      }
    }
    if (commandProgram === 'alias' || commandProgram === 'unalias' || commandProgram === 'shopt') defineAliases(commandProgram, node, state);
    trackDirectory(name.values[0] ?? '', args, state);
    bindPrintedVariable(name, args, state);
    if (commandProgram === 'set') {
      setPositional(args, state);
      setNoclobber(args, state);
    }
    if (herestring) this.#readFed(node, invocation.stdin ?? [], state);
  }

  /**
   * The words of a command line after expansion: `"${cmd[@]}"` and `"$@"` become one word per element, and an unquoted
   * variable or command substitution holding several words (`S="strip -s"; $S file`, `$(echo strip -s) file`) is split.
   */
  #expand(nodes: Node[], state: State, map: OffsetMap, listings: ReadonlyMap<number, string[]> | undefined): Word[] {
    const words: Word[] = [];
    for (const node of nodes) {
      const word = mapWord(evaluateWord(node, state.bindings), map);
      const listed = listings?.size ? listings.get(wholeSubstitution(node)?.id ?? -1) : undefined;
      if (listed) {
        words.push({ ...word, values: listed, literal: false });
        continue;
      }
      if (!word.raw.includes('$')) {
        words.push(word);
        continue;
      }
      const elements = ALL_ELEMENTS.test(word.raw) ? arrayElements(node, state) : undefined;
      if (elements) {
        for (const values of elements) words.push({ ...word, values, literal: false });
        continue;
      }
      const [value] = word.values;
      const unquoted = /^[$`]/.test(word.raw) && word.values.length === 1 && (UNQUOTED_EXPANSION.test(node.type) || UNQUOTED_EXPANSION.test(node.firstChild?.type ?? ''));
      const parts = unquoted ? splitWords(value!, fieldSeparators(state.bindings.get('IFS'))) : [];
      if (parts.length > 1) {
        // A part of what `$(…)` prints is shown as itself; a part of `$S`, as `$S`.
        const substitution = !word.raw.startsWith('$') || word.raw.startsWith('$(');
        for (const part of parts) words.push({ ...word, values: [part], ...(substitution ? { raw: part } : {}) });
      } else words.push(word);
    }
    return words;
  }

  /** `… | tee [-a] FILE…`, `tee FILE <<EOF`: what it is fed goes into each file. */
  #tee(args: Word[], place: Place, listing: string[] | undefined, scripts: ScriptSource[] | undefined): void {
    const append = appends(args);
    const content = listing || scripts ? { listing: listing ?? [], scripts: (scripts ?? []).map(detached) } : undefined;
    for (const file of fileOperands(args)) this.#files.write(file.values, place, content, append);
  }

  /**
   * `tee FILE… < SRC`, `head -c 9 IMG | sponge IMG`: what the command reads goes into each file, as `> FILE` would put
   * it there; in the trace only, after the command. Appending (`-a`) is the tools' own finding.
   */
  #writeInput(invocation: Invocation, redirects: Redirect[], state: State): void {
    const read = redirects.filter((redirect) => redirect.operator === '<').map((redirect) => redirect.target);
    const input: PrintedContent | undefined = read.length > 0 ? { files: read } : state.stdinContent;
    if (!input || appends(invocation.args)) return;
    for (const file of fileOperands(invocation.args)) {
      const write: Redirect = { operator: '>', target: file, writesOutput: true, from: input.files, start: file.start, end: file.end, ...workingDirectory(state) };
      if (input.changedBy) write.changedBy = input.changedBy;
      if (state.calls.length > 0) write.calls = state.calls;
      this.trace.push(write);
    }
  }

  /** `source FILE`, `. FILE`: the scripts the script wrote into FILE (or feeds `/dev/stdin`) run in this shell. */
  #source(program: string, file: Word, state: State, fed: ScriptSource[] | undefined): void {
    for (const source of this.#scriptsIn(file, state, fed)) {
      const { text, offsets } = source.script();
      this.#runScript(text, offsets, { ...state, via: [...state.via, `${program} ${shownFile(file)}`], depth: state.depth + 1 }, source.map);
    }
  }

  /** `bash FILE arg…` or `./FILE arg…`: the scripts the script wrote into FILE run in a child shell. */
  #scriptFile(invocation: Invocation, state: State, fed: ScriptSource[] | undefined): void {
    const shell = scriptFileShell(invocation);
    const file = shell?.file ?? invocation.name;
    const scripts = this.#scriptsIn(file, state, fed);
    const positional = shell?.positional ?? [invocation.name, ...invocation.args].map((word) => word.values);
    for (const source of scripts) this.#childShell(source, invocation, shell?.shell ?? shownFile(file), positional, state);
  }

  /**
   * The scripts in a file the script wrote, in a `<(…)` that prints a script (`source <(echo …)`), or fed to standard
   * input when the file is `/dev/stdin` (`. /dev/stdin <<< "…"`).
   */
  #scriptsIn(file: Word, state: State, fed: ScriptSource[] | undefined): ScriptSource[] {
    if (fed && file.values.length === 1 && STANDARD_INPUT.test(file.values[0]!)) return fed;
    return this.#files.read(file.values, workingDirectory(state))?.scripts ?? [];
  }

  /**
   * Walks the `$(…)`, `` `…` `` and `<(…)` inside a word or test, which run on the host too. What those that list paths
   * (`$(find …)`, `<(ls …)`) list goes in `listings`, by node.
   */
  #walkSubstitutions(node: Node, state: State, map: OffsetMap, listings?: Map<number, string[]>): void {
    if (!mayHoldSubstitution(node.text)) return;
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.#listing = undefined;
      this.#printedScript = undefined;
      this.walk(node, state, map);
      if (listings && this.#listing) listings.set(node.id, this.#listing);
      // `<(…)` is a file to read: one that prints a script can be run (`bash <(echo …)`).
      // (The walk sets what the command printed; the compiler cannot see that through the call.)
      const printed = this.#printedScript as ScriptSource[] | undefined;
      if (node.type === 'process_substitution' && printed) this.#files.write([node.text], workingDirectory(state), { listing: [], scripts: printed.map(detached) }, false);
    } else for (const child of node.namedChildren) this.#walkSubstitutions(child, state, map, listings);
  }

  #assign(node: Node, state: State, map: OffsetMap): void {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (value) this.#walkSubstitutions(value, state, map);
    if (name?.type === 'subscript') {
      // `map[img]=./x`: the element, and one more value for all of them.
      const array = name.childForFieldName('name')?.text;
      const index = name.childForFieldName('index')?.text;
      const values = value ? evaluateWord(value, state.bindings).values : [''];
      if (!array || !index) return;
      state.bindings.set(`${array}[${index}]`, values);
      state.bindings.set(`${array}[@]`, [...(state.bindings.get(`${array}[@]`) ?? []), ...values]);
      return;
    }
    if (name?.type !== 'variable_name') return;
    const appends = node.children.some((child) => child.type === '+=');
    if (value?.type === 'array') {
      const keys: (string | undefined)[] = [];
      const elements = value.namedChildren.flatMap((element) => {
        const found = arrayElements(element, state) ?? [evaluateWord(element, state.bindings).values];
        return found.map((values) => {
          // `([img]=./x)`: the element's value under its key.
          const keyed = values.length === 1 && element.type === 'concatenation' && element.firstChild?.text === '[' ? KEYED_ELEMENT.exec(values[0]!) : null;
          keys.push(keyed?.[1]);
          return keyed ? [keyed[2]!] : values;
        });
      });
      this.#bindArray(name.text, [...(appends ? state.arrays.get(name.text) ?? [] : []), ...elements], state);
      keys.forEach((key, index) => {
        if (key !== undefined) state.bindings.set(`${name.text}[${key}]`, elements[index]!);
      });
      return;
    }
    const values = value ? evaluateWord(value, state.bindings).values : [''];
    state.arrays.delete(name.text);
    state.bindings.set(name.text, appends ? (state.bindings.get(name.text) ?? ['']).map((before) => before + values[0]) : values);
  }

  /**
   * `mapfile -t files < <(find …)`, `readarray`: the array holds what is fed, a path or glob per element; `read -r f <
   * list`: the variable holds it.
   */
  #readFed(command: Node, fed: string[], state: State): void {
    const name = command.childForFieldName('name')?.text;
    const args = command.childrenForFieldName('argument').map((argument) => argument.text);
    if (name === 'read') bindRead(command, fed, state);
    if (name !== 'mapfile' && name !== 'readarray') return;
    this.#bindArray(operands(args, MAPFILE_OPTIONS_WITH_VALUE).pop() ?? 'MAPFILE', fed.map((path) => [path]), state);
  }

  #bindArray(name: string, elements: string[][], state: State): void {
    state.arrays.set(name, elements);
    elements.forEach((values, index) => state.bindings.set(`${name}[${index}]`, values));
    state.bindings.set(name, elements[0] ?? ['']);
    state.bindings.set(`${name}[@]`, elements.flat());
  }

  #declare(node: Node, state: State, map: OffsetMap): void {
    const keyword = node.firstChild?.text;
    const flags = node.namedChildren.filter((child) => child.type === 'word').map((child) => child.text);
    const exports = keyword === 'export' || flags.some((flag) => /^-[a-z]*x/.test(flag));
    const references = keyword !== 'export' && flags.some((flag) => /^-[a-zA-Z]*n/.test(flag));
    // In a function, `local` and `declare`/`typeset` without `-g` make the variable the function's own.
    const own = state.locals && (keyword === 'local' || ((keyword === 'declare' || keyword === 'typeset') && !flags.some((flag) => /^-[a-zA-Z]*g/.test(flag))));
    for (const child of node.namedChildren) {
      const declared = child.type === 'variable_assignment' ? child.childForFieldName('name')?.text : child.type === 'variable_name' ? child.text : undefined;
      if (own && declared) state.locals!.add(declared);
      const value = references && child.type === 'variable_assignment' ? child.childForFieldName('value') : null;
      const reference = value && child.childForFieldName('name')?.text;
      const [target, ...others] = value ? evaluateWord(value, state.bindings).values : [];
      // `declare -n ref=img`, `local -n ref=$1`: `$ref` reads the variable so named, whenever it is set.
      if (reference && target && others.length === 0 && VARIABLE_NAME.test(target)) state.bindings.refer(reference, target);
      else this.walk(child, state, map);
      if (exports && declared) state.exported.add(declared);
    }
  }

  #defineFunction(node: Node, state: State, map: OffsetMap): void {
    const name = node.childForFieldName('name')?.text;
    const body = node.childForFieldName('body');
    if (!body) return;
    const redirected = node.namedChildren.some((child) => child.type.endsWith('_redirect'));
    if (name) this.#functions.set(name, redirected ? { body, redirected: node, map } : { body, map });
    // The body as written, with its parameters unknown: what other rules check once.
    this.walk(body, cloneState(state), map);
  }

  /**
   * `unset -f NAME…` removes functions, so that NAME runs the program again (`strip() { :; }; unset -f strip; strip
   * IMG`); `unset NAME` removes the function when no variable of that name is known, as bash does.
   */
  #unset(node: Node, state: State): void {
    const words = node.namedChildren.map((child) => child.text);
    const options = words.filter((word) => word.startsWith('-'));
    if (options.some((option) => option.includes('v'))) return;
    const functionsOnly = options.some((option) => option.includes('f'));
    for (const name of words) {
      if (!name.startsWith('-') && (functionsOnly || !state.bindings.has(name))) this.#functions.delete(name);
    }
  }

  /** A call of a function the script defined: its body runs here with the arguments as `$1`, `$@`…. */
  #call(name: string, args: Word[], state: State, at: number): void {
    const definition = this.#functions.get(name)!;
    // A function calling itself is followed while it is given fewer arguments each time (`f() { shift; f "$@"; }`), which
    // ends; one that walks a tree (`f "$dir"`) could go on as long as the tree does, and its body has been walked.
    const active = state.calls.lastIndexOf(name);
    if (active !== -1 && args.length >= state.callArities[active]!) return;
    if (state.depth >= MAX_NESTING || ++this.#calls > MAX_CALLS) {
      this.cutShort ??= { at, limit: state.depth >= MAX_NESTING ? 'nesting' : 'calls' };
      return;
    }
    const inner = cloneState(state);
    inner.calls = [...state.calls, name];
    inner.callArities = [...state.callArities, args.length];
    inner.via = [...state.via, `function ${name}`];
    inner.depth++;
    inner.locals = new Set();
    inner.traps = state.traps;
    bindPositional(inner, args.map((arg) => arg.values), true);
    if (definition.redirected) this.#redirected(definition.redirected, inner, definition.map);
    else this.walk(definition.body, inner, definition.map);
    // Functions share the caller's variables, except those they declared their own.
    const isOwn = (key: string) => POSITIONAL.test(key) || inner.locals!.has(key.replace(/\[.*$/, ''));
    for (const [key, values] of inner.bindings) if (!isOwn(key)) state.bindings.set(key, values);
    for (const [key, elements] of inner.arrays) if (key !== '@' && !isOwn(key)) state.arrays.set(key, elements);
    state.descriptors = inner.descriptors;
    state.noclobber = inner.noclobber;
  }

  /**
   * A command whose name is an alias: its text with the alias in place of the name, run in this shell. What the alias
   * stands for points at the name; the alias is not expanded again inside itself, as the shell does not.
   */
  #expandAlias(command: Node, name: Node, alias: string, state: State, map: OffsetMap): void {
    const rest = command.text.slice(name.endIndex - command.startIndex);
    const offsets = [...new Array<number>(alias.length).fill(name.startIndex), ...Array.from({ length: rest.length }, (_, index) => name.endIndex + index), command.endIndex];
    const aliases = new Map(state.aliases);
    aliases.delete(name.text);
    this.#runScript(alias + rest, offsets, { ...state, aliases, via: [...state.via, `alias ${name.text}`], depth: state.depth + 1 }, map);
  }

  /** `eval ARG…`: the arguments joined by spaces are a script run in this shell. */
  #eval(node: Node, state: State, map: OffsetMap): void {
    const sources = node.childrenForFieldName('argument');
    if (sources.length === 0) return;
    const { text, offsets } = echoOutput(sources);
    this.#runScript(text, offsets, { ...state, via: [...state.via, 'eval'], depth: state.depth + 1 }, map);
  }

  /**
   * `trap 'HANDLER' SIGNAL…`: a script this shell runs when the signal comes, or on `EXIT` when it ends. It is walked
   * where it is set, in a copy of the state, as what it changes only counts once it runs. A handler cleared (`trap -
   * SIGNAL`, `trap '' SIGNAL`) or replaced on all its signals, where that surely runs, is taken back: it never runs.
   */
  #trap(node: Node, state: State, map: OffsetMap): void {
    const [handler, ...signals] = node.childrenForFieldName('argument').filter((argument) => argument.text !== '--');
    if (!handler || (handler.text.startsWith('-') && handler.text !== '-')) return;
    const [value, ...others] = evaluateWord(handler, state.bindings).values;
    // `trap SIGNAL` alone resets it, as `trap - SIGNAL` does.
    const clears = signals.length === 0 || (others.length === 0 && (value === '-' || value === ''));
    const steps: Step[] = [];
    if (!clears) {
      const { text, offsets } = scriptText(handler);
      const inner = cloneState(state);
      inner.depth++;
      inner.via = [...state.via, 'trap'];
      inner.calls = state.calls;
      const before = this.trace.length;
      this.#runScript(text, [...offsets, handler.endIndex], inner, map);
      steps.push(...this.trace.slice(before));
    }
    const surely = runsWhenReached(node);
    const dropped = new Set<Step[]>();
    for (const signal of (signals.length === 0 ? [handler] : signals).map((each) => signalName(each.text))) {
      if (surely) for (const previous of state.traps.get(signal) ?? []) dropped.add(previous);
      const kept = surely ? [] : (state.traps.get(signal) ?? []);
      if (!clears) kept.push(steps);
      state.traps.set(signal, kept);
    }
    const stillSet = new Set([...state.traps.values()].flat());
    for (const previous of dropped) if (!stillSet.has(previous)) for (const step of previous) this.cancelled.add(step);
  }

  /** A script a child shell runs (`bash -c '…'`, `bash <<EOF`, `cat <<EOF | sh`), in a copy of this shell's state. */
  #childShell(source: ScriptSource, invocation: Invocation, shell: string, positional: string[][], state: State): void {
    // A container that mounts nothing writable of the host: nothing its script does can reach a host file.
    if (invocation.container && invocation.container.mounts.length === 0) return;
    if (invocation.container && this.#deferContainers) {
      this.deferred.push({ index: this.trace.length - 1, container: invocation.container });
      return;
    }
    const { text, offsets, expanded } = source.script();
    const inner = cloneState(state);
    inner.depth++;
    inner.via = [...invocation.via, shell];
    inner.stdin = undefined;
    inner.stdinScript = undefined;
    inner.noclobber = false;
    inner.calls = state.calls;
    if (invocation.container) {
      inner.container = invocation.container;
      inner.cwd = [invocation.container.workdirIsOutdir ? OUTDIR : undefined];
    }
    // A quoted script sees only what the child inherits; an expanded one was expanded by this shell first.
    if (!expanded) for (const key of inner.bindings.keys()) if (!inner.exported.has(key.replace(/\[.*$/, ''))) inner.bindings.delete(key);
    for (const key of [...inner.bindings.keys()]) if (POSITIONAL.test(key)) inner.bindings.delete(key);
    positional.forEach((values, index) => inner.bindings.set(String(index), values));
    bindPositional(inner, positional.slice(1), false);
    this.#runScript(text, offsets, inner, source.map);
  }

  #restoreFunctions(functions: ReadonlyMap<string, FunctionDefinition>): void {
    this.#functions.clear();
    for (const [name, definition] of functions) this.#functions.set(name, definition);
  }

  /** Parses a script found inside the script and walks it where it runs, its positions mapped to the outer script. */
  #runScript(text: string, offsets: number[], state: State, map: OffsetMap): void {
    const at = () => map(offsets[0]!);
    if (state.depth > MAX_NESTING || ++this.#innerScripts > MAX_INNER_SCRIPTS) {
      this.cutShort ??= { at: at(), limit: state.depth > MAX_NESTING ? 'nesting' : 'scripts' };
      return;
    }
    let tree = this.#parse(text);
    const joined = tree && joinedContinuations(text, tree);
    if (joined) {
      tree!.delete();
      tree = this.#parse(joined.text);
    }
    if (!tree) {
      this.cutShort ??= { at: at(), limit: 'parse' };
      return;
    }
    const inText = joined ? joined.original : (offset: number) => offset;
    const functions = new Map(this.#functions);
    try {
      this.walk(tree.rootNode, state, (offset) => map(offsets[Math.min(inText(offset), offsets.length - 1)]!));
    } finally {
      // Function bodies and a printed script point into the tree freed here.
      this.#restoreFunctions(functions);
      this.#printedScript = undefined;
      tree.delete();
    }
  }

  /**
   * A redirected statement, a command whose redirections come before its name (then it is its own body), or a call's
   * run of a function defined with redirections (`f() { …; } > FILE`).
   */
  #redirected(node: Node, state: State, map: OffsetMap): void {
    let body = node.type === 'command' ? node : onlyCommand(node.childForFieldName('body'));
    if (body?.type === 'list') {
      // tree-sitter-bash hangs `a && b > file` on the whole list; the shell on `b`, which runs last.
      const rows = listRows(body);
      body = rows.pop() ?? null;
      for (const row of rows) this.walk(row, state, map);
    }
    const place = workingDirectory(state);
    const redirects: Redirect[] = [];
    const listings = new Map<number, string[]>();
    let fed: string[] | undefined;
    let heredocBody: Node | undefined;
    /** The scripts a file fed to the command holds (`bash < build.sh`). */
    let fedScripts: ScriptSource[] | undefined;
    const writes: { target: Word; append: boolean }[] = [];
    const fedByHeredoc: Node[] = [];
    // A here-string after a compound statement is not in the `redirect` field.
    const prefixed = body?.type === 'command' && hasPrefixRedirect(body) ? body.childrenForFieldName('redirect') : [];
    const redirectNodes = [...prefixed, ...(node === body ? [] : node.namedChildren.filter((child) => child.type.endsWith('_redirect')))];
    const bareExec = isBareExec(body);
    for (const redirect of redirectNodes) {
      if (redirect.type === 'heredoc_redirect') {
        const body = redirect.namedChildren.find((child) => child.type === 'heredoc_body');
        if (body) {
          heredocBody = body;
          this.walk(body, state, map);
        }
        // `cat <<EOF > file`, `cat <<EOF | sh`: what follows the marker on its line is parsed inside the here-document
        // redirection, further redirections and the rest of the pipeline.
        for (const child of redirect.namedChildren) {
          if (child.type === 'file_redirect') redirectNodes.push(child);
          else if (!child.type.startsWith('heredoc_')) fedByHeredoc.push(child);
        }
        continue;
      }
      const destination = redirect.childForFieldName('destination');
      const operator = redirectOperator(redirect);
      if (redirect.type === 'herestring_redirect' && redirect.namedChildren[0]) {
        // `while read -r f; do …; done <<< "…"`: the loop reads the word (a command's own here-string is its own).
        fed = evaluateWord(redirect.namedChildren[0], state.bindings).values;
      }
      const named = bareExec ? namedDescriptor(body!, redirect) : undefined;
      const descriptor = redirect.childForFieldName('descriptor')?.text ?? named?.text;
      // `exec 3>&-`, `exec 3> other`: the descriptor no longer reaches the file `exec 3<>` opened.
      if (descriptor !== undefined && operator !== '<>' && bareExec) state.descriptors.delete(descriptor);
      if (redirect.type !== 'file_redirect' || !destination) {
        this.walk(redirect, state, map);
        continue;
      }
      this.#walkSubstitutions(destination, state, map, listings);
      let target = mapWord(evaluateWord(destination, state.bindings), map);
      if (state.container) target = containerPath(target, state.container);
      if (operator === '<') {
        // `xargs strip < <(find …)`, `while read …; done < list`: what the substitution lists, or the file holds.
        const held = this.#files.read(target.values, place);
        fed = listings.get(destination.id) ?? held?.listing ?? fed;
        if (held?.scripts.length) fedScripts = held.scripts;
      }
      const output = writesOutput(redirect) && named === undefined;
      if (output) writes.push({ target, append: operator.endsWith('>>') });
      const written = { writesOutput: output, start: map((named ?? redirect).startIndex), end: map(redirect.endIndex), ...place };
      const opened = operator === '>&' && (descriptor ?? '1') === '1' && target.values.length === 1 ? state.descriptors.get(target.values[0]!) : undefined;
      if (opened) redirects.push({ operator: `>&${target.values[0]}`, target: opened, ...written, overwrites: true });
      else redirects.push(fileRedirect(operator, descriptor, target, written, state));
      if (descriptor !== undefined && operator === '<>' && bareExec) state.descriptors.set(descriptor, target);
    }
    for (const redirect of redirects) this.#record(redirect, state);
    const heredoc = heredocBody && nodeScript(heredocBody, map);
    this.#listing = undefined;
    this.#printedScript = undefined;
    if (body?.type === 'command') {
      this.#command(body, fed ? { ...state, stdin: fed } : state, map, redirects, heredoc ? [heredoc] : fedScripts);
      if (fed) this.#readFed(body, fed, state);
    } else if (body?.type === 'while_statement' && fed) {
      // `while read -r f; do …; done < <(find …)`: the loop reads what is fed.
      const fedState = { ...state, stdin: fed };
      bindReadVariable(body, fedState, fed);
      this.walk(body, fedState, map);
    } else if (body) {
      this.walk(body, state, map);
      // tree-sitter-bash hangs `a | b > file` on the whole pipeline; it writes what `b`, the last stage, prints.
      if (body.type === 'pipeline') describeOutput(redirects, this.#printedContent);
    } else describeOutput(redirects, 'nothing');
    const printed = body?.type === 'command' && isPlainCat(body) ? heredoc : undefined;
    // What `cat <<EOF` prints, as paths a line each: `cat > list <<EOF`, `cat <<EOF | xargs strip`.
    const printedLines = printed && heredocBody ? heredocText(heredocBody, state.bindings)?.split('\n').map((line) => line.trim()).filter(Boolean) : undefined;
    if (writes.length > 0) {
      const output = this.#output(body, printed, fed ?? printedLines);
      for (const { target, append } of writes) this.#files.write(target.values, place, output, append);
    }
    if (fedByHeredoc.length === 0) return;
    // Only a pipe hands `cat`'s output on (`cat <<EOF | sh`, not `cat <<EOF && sh`).
    for (const child of fedByHeredoc) {
      if (child.type === 'pipeline') this.#pipeline(child, { ...state, stdinScript: printed ? [printed] : undefined }, map, printedLines);
      else this.walk(child, { ...state, stdinScript: undefined }, map);
    }
  }

  /**
   * What a command or pipeline just walked printed, for a file it writes: the paths it lists (or passes on from what
   * it is fed), the scripts it prints (`cat <<EOF`, `echo '…'`). Undefined when that is not known.
   */
  #output(body: Node | null, printedHeredoc: ScriptSource | undefined, fed: string[] | undefined): FileContent<ScriptSource> | undefined {
    if (body?.type !== 'command' && body?.type !== 'pipeline') return undefined;
    const listing = this.#listing ?? (body.type === 'command' ? fed : undefined);
    const scripts = printedHeredoc ? [printedHeredoc] : this.#printedScript;
    if (!listing && !scripts) return undefined;
    return { listing: listing ?? [], scripts: (scripts ?? []).map(detached) };
  }

  /** `fed`: what the stage before the pipeline's first prints, when a here-document's `cat` is that stage. */
  #pipeline(node: Node, state: State, map: OffsetMap, fed?: string[]): void {
    const stages = node.namedChildren;
    let listing = fed;
    let printed = state.stdinScript;
    let content = state.stdinContent;
    for (const stage of stages) {
      const stageState = { ...cloneState(state), stdin: listing, stdinScript: printed, stdinContent: content };
      if (stage.type === 'while_statement') bindReadVariable(stage, stageState, listing);
      this.#listing = undefined;
      this.#printedScript = undefined;
      this.#printedContent = undefined;
      this.walk(stage, stageState, map);
      // Filters (grep, sort, cut, …) pass the listing through; the first stage that lists paths defines it.
      if (commandOf(stage)) listing ??= this.#listing;
      printed = commandOf(stage) ? this.#printedScript : undefined;
      content = commandOf(stage) ? this.#printedContent : undefined;
    }
    this.#listing = listing;
    this.#printedScript = printed;
    this.#printedContent = content;
  }

  /** `for ((i=0; …; i++))`: the body runs with each value the counters take, so none of them is known there. */
  #countingLoop(node: Node, state: State, map: OffsetMap): void {
    const body = node.childForFieldName('body');
    for (const child of node.namedChildren) if (child.id !== body?.id) this.walk(child, state, map);
    for (const part of [...node.childrenForFieldName('initializer'), ...node.childrenForFieldName('update')]) {
      for (const name of [part, ...part.descendantsOfType(['variable_name', 'word'])]) if (VARIABLE_NAME.test(name.text)) state.bindings.delete(name.text);
    }
    if (body) this.walk(body, state, map);
  }

  #forLoop(node: Node, state: State, map: OffsetMap): void {
    const variable = node.childForFieldName('variable');
    const values: string[] = [];
    const listings = new Map<number, string[]>();
    for (const value of node.childrenForFieldName('value')) {
      this.#walkSubstitutions(value, state, map, listings);
      // `for f in $(find …)`: what the substitution lists.
      const listed = value.type === 'command_substitution' ? (listings.get(value.id) ?? [value.text]) : undefined;
      const elements = listed ? undefined : arrayElements(value, state);
      for (const each of listed ?? (elements ? elements.flat() : evaluateWord(value, state.bindings).values)) values.push(each);
    }
    // `for f; do`: the positional parameters.
    const looped = node.childrenForFieldName('value').length > 0 ? values : (state.bindings.get('@') ?? ['${@}']);
    if (variable) state.bindings.set(variable.text, looped.length > 0 ? looped : ['${@}']);
    const body = node.childForFieldName('body');
    if (body) this.walk(body, state, map);
  }
}

/**
 * The commands of `a && b || c …` in the order they run: tree-sitter-bash nests a list inside a list for each
 * operator, which is walked as a row here, however long.
 */
function listRows(list: Node): Node[] {
  const rest: Node[] = [];
  let first: Node | undefined = list;
  while (first?.type === 'list') {
    const children: Node[] = first.namedChildren;
    for (let index = children.length - 1; index >= 1; index--) rest.push(children[index]!);
    first = children[0];
  }
  return first ? [first, ...rest.reverse()] : rest.reverse();
}

/** `$1`…, `$@`, `$*` and `$#` for a function call or a child shell. */
function bindPositional(state: State, positional: string[][], replacing: boolean): void {
  if (replacing) for (const key of [...state.bindings.keys()]) if (POSITIONAL.test(key) && key !== '0') state.bindings.delete(key);
  positional.forEach((values, index) => state.bindings.set(String(index + 1), values));
  const all = positional.flat();
  state.bindings.set('@', all);
  state.bindings.set('*', all);
  state.bindings.set('#', [String(positional.length)]);
  state.arrays.set('@', positional);
}

/** `set -- ARG…`, or `set ARG…` with no option first: the arguments become the positional parameters. */
function setPositional(args: Word[], state: State): void {
  const dashes = args.findIndex((arg) => arg.values[0] === '--');
  const first = dashes !== -1 ? dashes + 1 : args.length > 0 && !/^[-+]/.test(args[0]!.values[0] ?? '') ? 0 : -1;
  if (first !== -1) bindPositional(state, args.slice(first).map((arg) => arg.values), true);
}

/** The redirections `set -C` stops from writing over a file that exists (`>|` still does). */
const NOCLOBBERED = new Set(['>', '&>']);
/** The redirections that cut the file they open to nothing. */
const TRUNCATING = new Set(['>', '>|']);

/**
 * A redirection to a file as the shell opens it. For a descriptor other than standard output (`exec 3> FILE`,
 * `cmd 2> FILE`), `>` and `>|` empty the file as they open it, whether anything is written through it or not.
 */
function fileRedirect(operator: string, descriptor: string | undefined, target: Word, written: Omit<Redirect, 'operator' | 'target'>, state: State): Redirect {
  const redirect: Redirect = { operator, target, ...written };
  if (operator === '<>' && descriptor === '1') redirect.overwrites = true;
  if (state.noclobber && NOCLOBBERED.has(operator)) redirect.refusedIfExists = true;
  else if (descriptor !== undefined && descriptor !== '1' && TRUNCATING.has(operator)) {
    redirect.descriptor = descriptor;
    redirect.empties = true;
  }
  return redirect;
}

/** `set -C`, `set -o noclobber` and their `+` forms, up to the first word that is no option. */
function setNoclobber(args: Word[], state: State): void {
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.values[0] ?? '';
    if (!/^[-+][A-Za-z]+$/.test(value)) return;
    const on = value.startsWith('-');
    if (value.slice(1).includes('C')) state.noclobber = on;
    // Each `o` of a cluster takes the next word: `set -eo noclobber`.
    const named = args.slice(index + 1, index + 1 + (value.match(/o/g)?.length ?? 0)).map((arg) => arg.values[0]);
    if (named.includes('noclobber')) state.noclobber = on;
    index += named.length;
  }
}

/** `NAME=value cmd`: the assignments before a command name, which hold in that command's environment only. */
function prefixAssignments(command: Node, state: State): Assignment[] {
  const environment: Assignment[] = [];
  if (command.firstNamedChild?.type !== 'variable_assignment') return environment;
  for (const child of command.namedChildren) {
    if (child.type === 'command_name') break;
    const name = child.type === 'variable_assignment' ? child.childForFieldName('name') : null;
    const value = child.childForFieldName('value');
    if (name?.type === 'variable_name') environment.push({ name: name.text, values: value ? evaluateWord(value, state.bindings).values : [''] });
  }
  return environment;
}

/** The state a program starts in: its environment (`NAME=value cmd`, `env NAME=value cmd`) bound and exported. */
function withEnvironment(invocation: Invocation, state: State): State {
  if (!invocation.environment) return state;
  const inner = cloneState(state);
  for (const { name, values } of invocation.environment) {
    inner.bindings.set(name, values);
    inner.exported.add(name);
  }
  return inner;
}

/**
 * `xargs -I{} sh -c 'strip {}'`, `find … -exec sh -c 'strip {}' \;`: the script once for each path the placeholder
 * stands for (a few at most), the path written where the placeholder was.
 */
function withPlaceholderReplaced(source: ScriptSource, replaced: Invocation['replaced']): ScriptSource[] {
  if (!replaced) return [source];
  const script = source.script();
  if (!script.text.includes(replaced.placeholder)) return [source];
  return replaced.paths.slice(0, MAX_PLACEHOLDER_PATHS).map((path) => {
    const text = withPlaceholder(script, replaced.placeholder, path);
    return { script: () => text, map: source.map };
  });
}

const MAX_PLACEHOLDER_PATHS = 4;

/** The command substitution a word is, alone or as the only part of a double-quoted string: `$(…)`, `"$(…)"`. */
function wholeSubstitution(node: Node): Node | undefined {
  const inner = node.type === 'string' && node.namedChildren.length === 1 ? node.namedChildren[0]! : node;
  return inner.type === 'command_substitution' ? inner : undefined;
}

/**
 * The elements a word stands for when it is `"${name[@]}"`, `${name[*]}` or `"$@"` of a known array, or a slice of one
 * (`"${name[@]:1}"`, `"${@:2:1}"`), else undefined.
 */
function arrayElements(node: Node, state: State): string[][] | undefined {
  let expansion = node;
  if ((node.type === 'string' || node.type === 'command_name') && node.namedChildren.length === 1) expansion = node.namedChildren[0]!;
  if (expansion.type === 'string' && expansion.namedChildren.length === 1) expansion = expansion.namedChildren[0]!;
  if (expansion.type !== 'expansion' && expansion.type !== 'simple_expansion') return undefined;
  const text = expansion.text;
  const all = /^\$(?:\{)?([@*])(?::(\d+)(?::(\d+))?)?\}?$/.exec(text) ?? /^\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\](?::(\d+)(?::(\d+))?)?\}$/.exec(text);
  if (!all) return undefined;
  const positional = all[1] === '*' || all[1] === '@';
  const elements = state.arrays.get(positional ? '@' : all[1]!);
  if (!elements || all[2] === undefined) return elements;
  // `${@:N}` counts from `$0`, which the positional parameters' array does not hold.
  const offset = Number(all[2]) - (positional ? 1 : 0);
  const from = Math.max(offset, 0);
  return elements.slice(from, all[3] === undefined ? undefined : from + Number(all[3]));
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

/** `tee -a`, `sponge -a`, `--append`: the file keeps what it held. */
function appends(args: Word[]): boolean {
  return args.some((arg) => /^(-[a-z]*a|--append)$/.test(arg.values[0] ?? ''));
}

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/** `exec` with redirections alone (`exec 3<> FILE`, `exec {fd}> FILE`): they stay open in the shell for the commands after it. */
function isBareExec(body: Node | null): boolean {
  if (body?.type !== 'command' || body.childForFieldName('name')?.text !== 'exec') return false;
  const args = body.childrenForFieldName('argument');
  return args.length === 0 || (args.length === 1 && NAMED_DESCRIPTOR.test(args[0]!.text));
}

const NAMED_DESCRIPTOR = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/**
 * bash's `exec {fd}> FILE`, which opens a new descriptor and keeps its number in `fd`: tree-sitter-bash reads `{fd}` as
 * an argument of `exec`, written right before the redirection.
 */
function namedDescriptor(bareExec: Node, redirect: Node): Node | undefined {
  const [word] = bareExec.childrenForFieldName('argument');
  return word && word.endIndex === redirect.startIndex ? word : undefined;
}

function isPlainCat(command: Node): boolean {
  return command.childForFieldName('name')?.text === 'cat' && command.childrenForFieldName('argument').every((arg) => arg.text === '-');
}

/** The script `echo …` or `printf FORMAT …` prints, for a pipe into a shell or a file that a shell runs. */
function printedScript(node: Node, invocation: Invocation, map: OffsetMap): ScriptSource[] | undefined {
  const name = programName(invocation.name);
  if (name !== 'echo' && name !== 'printf') return undefined;
  const args = node.childrenForFieldName('argument').filter((arg) => !/^-[neE]+$/.test(arg.text));
  if (args.length === 0 || (name === 'printf' && args[0]!.text === '-v')) return undefined;
  if (name === 'echo') return [args.length === 1 ? nodeScript(args[0]!, map) : { script: () => echoOutput(args), map }];
  const [format, ...values] = args[0]!.text === '--' ? args.slice(1) : args;
  return format ? [{ script: () => printfOutput(format, values), map }] : undefined;
}

const FILE_OPTIONS_WITH_VALUE = /^(-[mfFeP]|--(magic-file|files-from|separator|exclude|exclude-quiet|parameter))$/;

/** The paths a command prints, for a pipe into `xargs` or `while read`: `find DIR…`, `ls`, `echo`, `file`. */
function listingOf(invocation: Invocation): string[] | undefined {
  const name = programName(invocation.name);
  const args = invocation.args.map((arg) => arg.values);
  if (name === 'find') return findListing(args);
  if (name === 'ls') {
    const paths = args.flat().filter((arg) => !arg.startsWith('-'));
    // A folder's entries are printed by name, relative to it: `ls "${SBUILD_OUTDIR}" | xargs -I{} strip "${SBUILD_OUTDIR}/{}"`.
    return paths.length === 0 ? ['*'] : paths.map((path) => (path === '.' || /^\$\{SBUILD_OUTDIR\}\/?$/.test(path) ? '*' : path));
  }
  if (name === 'echo') return args.flat().filter((arg) => !arg.startsWith('-'));
  // `file ./* | grep ELF | cut -d: -f1`: a line for each file it describes, starting with its path.
  if (name === 'file' && !args.some(([arg]) => arg === '-b' || arg === '--brief')) return operands(args.map(([arg]) => arg ?? ''), FILE_OPTIONS_WITH_VALUE);
  // printf's first operand is its format, not a path it prints.
  if (name === 'printf') return args.slice(args[0]?.[0] === '-v' ? 3 : 1).flat();
  return undefined;
}

/** `while read -r f; do`: the loop's variable holds each path the loop is fed. */
function bindReadVariable(loop: Node, state: State, listing: string[] | undefined): void {
  const condition = loop.childForFieldName('condition');
  const read = condition && commandOf(condition);
  if (!read || read.childForFieldName('name')?.text !== 'read') return;
  bindRead(read, listing ?? [], state);
}

/**
 * `read … NAME…` fed `values`, each a line it may read: one name gets the whole line; with more, the line is split into
 * fields at the characters of `IFS` (`IFS=: read`, an earlier `IFS=…`, else blanks) and the last name gets the rest.
 */
function bindRead(read: Node, values: string[], state: State): void {
  const names = operands(read.childrenForFieldName('argument').map((argument) => argument.text), READ_OPTIONS_WITH_VALUE);
  if (names.length === 0 || !names.every((name) => VARIABLE_NAME.test(name))) return;
  const ifs = fieldSeparators(prefixAssignments(read, state).find((assignment) => assignment.name === 'IFS')?.values ?? state.bindings.get('IFS'));
  const fields = values.slice(0, MAX_READ_LINES).map((line) => readFields(line, names.length, ifs));
  const widest = fields.reduce((most, each) => Math.max(most, each.length), 0);
  names.forEach((name, index) => {
    // Names past the last field of every line are empty.
    const held = index < widest ? [...new Set(fields.map((each) => each[index] ?? ''))] : fields.length > 0 ? [''] : [];
    state.bindings.set(name, held.length > 0 ? held : [`\${${name}}`]);
  });
}

const MAPFILE_OPTIONS_WITH_VALUE = /^-[dnOsuCc]$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const READ_OPTIONS_WITH_VALUE = /^-[adnNptu]$/;
/** The lines `read` is known to read are taken this far: a here-document can list any number. */
const MAX_READ_LINES = 256;
/** The arguments that are neither options nor the value of one (`withValue`). */
function operands(args: string[], withValue: RegExp): string[] {
  const found: string[] = [];
  for (let index = 0; index < args.length; index++) {
    if (withValue.test(args[index]!)) index++;
    else if (!args[index]!.startsWith('-')) found.push(args[index]!);
  }
  return found;
}

/** `alias NAME=VALUE…`, `unalias NAME…` (`-a`: all), `shopt -s|-u expand_aliases`. */
function defineAliases(program: string, command: Node, state: State): void {
  const args = command.childrenForFieldName('argument');
  if (program === 'shopt') {
    const [option, ...names] = args.map((arg) => arg.text);
    if (names.includes('expand_aliases') && (option === '-s' || option === '-u')) state.expandAliases = option === '-s';
    return;
  }
  for (const arg of args) {
    if (program === 'unalias') {
      if (arg.text === '-a') state.aliases.clear();
      else state.aliases.delete(arg.text);
      continue;
    }
    const { text } = scriptText(arg);
    const equals = text.indexOf('=');
    if (equals > 0 && !/[\s/$`'"=]/.test(text.slice(0, equals))) state.aliases.set(text.slice(0, equals), text.slice(equals + 1));
  }
}

/** `printf -v NAME FORMAT ARG…` assigns what it would print. */
function bindPrintedVariable(name: Word, args: Word[], state: State): void {
  if (name.values[0] !== 'printf' || args[0]?.values[0] !== '-v' || !args[1] || args.length < 3) return;
  const variable = args[1].values[0] ?? '';
  if (!VARIABLE_NAME.test(variable)) return;
  state.bindings.set(variable, [printed(args.slice(2).map((arg) => arg.values)) ?? `\${${variable}}`]);
}

/**
 * `cd`, `pushd` and `popd` move the working directory, followed as far as the script names it: relative paths and `..`
 * from a known directory too. `PWD` follows, so that `$(pwd)` and `${PWD}` name the directory the script is in.
 */
function trackDirectory(name: string, args: Word[], state: State): void {
  if (name !== 'cd' && name !== 'pushd' && name !== 'popd') return;
  const operands = args.filter((arg) => !/^-[A-Za-z]*$/.test(arg.values[0] ?? ''));
  const current = state.cwd[state.cwd.length - 1];
  const target = (word: Word | undefined): string | undefined => {
    if (word === undefined) return name === 'cd' ? '${HOME}' : undefined;
    const value = word.values.length === 1 ? word.values[0]! : undefined;
    if (value === undefined || value === '-') return undefined;
    // `${PWD}` is left as written only while the script is in the output directory.
    return resolvePath(current, value.startsWith('${PWD}') ? `.${value.slice('${PWD}'.length)}` : value);
  };
  if (name === 'cd') state.cwd[state.cwd.length - 1] = target(operands[0]);
  else if (name === 'pushd' && operands.length > 0) state.cwd.push(target(operands[0]));
  else if (name === 'popd' && state.cwd.length > 1) state.cwd.pop();
  const now = state.cwd[state.cwd.length - 1];
  if (now === OUTDIR) state.bindings.delete('PWD');
  else state.bindings.set('PWD', [now ?? '${ELSEWHERE}']);
}

/** Where a command runs, for its step: whether in the output directory, else the directory when the script names it. */
function workingDirectory(state: State): Place {
  const cwd = state.cwd[state.cwd.length - 1];
  return cwd === OUTDIR ? { cwdIsOutdir: true } : cwd === undefined ? { cwdIsOutdir: false } : { cwdIsOutdir: false, cwd };
}

function findArgumentNode(command: Node, word: Word): Node | undefined {
  return command.childrenForFieldName('argument').find((argument) => argument.text === word.raw);
}

/** `EXIT`, `exit`, `SIGEXIT` and `0` are one signal to bash. */
function signalName(text: string): string {
  const name = text.toUpperCase().replace(/^SIG/, '');
  return name === '0' ? 'EXIT' : name;
}

/** Statements whose parts may or may not run, or run again: a branch, a case, a loop. */
const CONDITIONAL = new Set(['if_statement', 'elif_clause', 'else_clause', 'case_item', 'while_statement', 'for_statement', 'c_style_for_statement']);

/**
 * Whether a command runs whenever its script (or the function it is in) gets to it: it is in no branch or loop, and
 * not after `&&` or `||`.
 */
function runsWhenReached(command: Node): boolean {
  for (let child = command, parent = command.parent; parent && parent.type !== 'function_definition'; child = parent, parent = parent.parent) {
    if (CONDITIONAL.has(parent.type)) return false;
    if (parent.type === 'list' && parent.firstNamedChild?.id !== child.id) return false;
  }
  return true;
}
