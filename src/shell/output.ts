import type { Node } from 'web-tree-sitter';
import type { Redirect } from './commands.js';
import { isReadWrite } from './misreadings.js';
import { EMPTY_FILE, fileKey, type Place } from './paths.js';
import type { Word } from './words.js';

/** The redirections that write standard output to a file. */
const STDOUT_WRITES = new Set(['>', '>>', '>|', '&>', '&>>']);

/** A redirection's operator as the script writes it: `>`, `>>`, `2>`'s `>`, `<>` (which the parser reads as `<`). */
export function redirectOperator(redirect: Node): string {
  const operator = redirect.children.find((child) => !child.isNamed);
  if (!operator) return '';
  return operator.type === '<' && isReadWrite(operator) ? '<>' : operator.type;
}

/** Whether a file redirection writes standard output (`>`, `>>`, `&>`; not `2>`). */
export function writesOutput(redirect: Node): boolean {
  return STDOUT_WRITES.has(redirectOperator(redirect)) && (redirect.childForFieldName('descriptor')?.text ?? '1') === '1';
}

/** Options of the filters that take the next word as their value (`head -c 1000`). */
const FILTER_OPTIONS_WITH_VALUE: Record<string, string[]> = {
  head: ['-c', '-n'], tail: ['-c', '-n'], cut: ['-b', '-c', '-d', '-f'], sort: ['-k', '-t', '-o', '-S', '-T'], uniq: ['-f', '-s', '-w'],
  grep: ['-e', '-f', '-m', '-A', '-B', '-C'], fold: ['-w'], xxd: ['-c', '-g', '-l', '-s', '-o'], od: ['-A', '-t', '-j', '-N', '-w'],
  base64: ['-w'], base32: ['-w'], sed: ['-e', '-f', '-l'], gsed: ['-e', '-f', '-l'], awk: ['-F', '-v', '-f'], gawk: ['-F', '-v', '-f'],
  mawk: ['-F', '-v', '-f'], perl: ['-e', '-E', '-I', '-M', '-m'], iconv: ['-f', '-t'], strings: ['-n', '-t', '-e'], tac: ['-s'],
  nl: ['-b', '-d', '-f', '-h', '-i', '-l', '-n', '-s', '-v', '-w'],
};
/** Filters whose first operand is their program or pattern, unless one is given with `-e` or `-f`. */
const PROGRAM_FIRST = new Set(['sed', 'gsed', 'awk', 'gawk', 'mawk', 'perl', 'grep']);

/** The files a filter reads: its operands, without option values, the program of `sed`/`awk`/`grep`, or any for `tr`. */
function filterFiles(program: string, args: Word[]): Word[] {
  if (program === 'tr') return [];
  const withValue = FILTER_OPTIONS_WITH_VALUE[program] ?? [];
  const files: Word[] = [];
  let programGiven = false;
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.values[0] ?? '';
    if (/^-./.test(value)) {
      if (withValue.includes(value)) index++;
      if (/^-[ef]/.test(value)) programGiven = true;
    } else files.push(args[index]!);
  }
  return PROGRAM_FIRST.has(program) && !programGiven ? files.slice(1) : files;
}

/** The content of files a command prints, changed on the way by a filter (`changedBy`) or not. */
export interface PrintedContent {
  files: Word[];
  changedBy?: Redirect['changedBy'];
  /** True when the files are read by an earlier stage of a pipe, which may read them before a redirection opens them. */
  piped?: boolean;
}

/** Programs that print nothing: `: > file` leaves the file empty. */
const SILENT = new Set([':', 'true', 'false']);

/** `> FILE cmd`: a command whose redirections come before its name, where tree-sitter-bash keeps them in the command. */
export function hasPrefixRedirect(command: Node): boolean {
  return command.childForFieldName('redirect') !== null;
}

/** The command a group of one is (`{ cat "$1"; } > FILE` writes what `cat` prints), else the statement itself. */
export function onlyCommand(statement: Node | null): Node | null {
  if (statement?.type !== 'compound_statement') return statement;
  const inside = statement.namedChildren.filter((child) => child.type !== 'comment');
  return inside.length === 1 && inside[0]!.type === 'command' ? inside[0]! : statement;
}

/**
 * Whether a command prints nothing: `:`, `true`, `cat /dev/null`, `exec` without a command (`exec > FILE`), `echo -n`
 * and `printf ''`.
 */
export function printsNothing(program: string, args: string[]): boolean {
  if (SILENT.has(program) || (program === 'exec' && args.length === 0)) return true;
  if (program === 'cat') return args.length > 0 && args.every((arg) => arg === EMPTY_FILE);
  if (program === 'printf') return args.length === 1 && args[0] === '';
  if (program !== 'echo') return false;
  const options = args.findIndex((arg) => !/^-[neE]+$/.test(arg));
  const flags = options === -1 ? args : args.slice(0, options);
  return flags.some((flag) => flag.includes('n')) && args.slice(flags.length).every((arg) => arg === '');
}
/**
 * Filters whose output is their input changed: cut short (`head -c`), edited (`sed`, `tr`), packed (`xz -c`). Their output
 * written over a file is that file's content rewritten, as surely as `strip` would.
 */
export const CHANGING_FILTERS = new Set([
  'head', 'tail', 'cut', 'tr', 'sed', 'gsed', 'awk', 'gawk', 'mawk', 'perl', 'rev', 'tac', 'nl', 'fold', 'sort', 'uniq', 'grep', 'strings', 'iconv',
  'xxd', 'od', 'base64', 'base32', 'gzip', 'bzip2', 'xz', 'lzma', 'lzip', 'lzop', 'zstd', 'lz4', 'brotli', 'dos2unix', 'unix2dos',
]);

/**
 * What a command's output gives the files it is redirected to: nothing (`: > f`, a bare `> f`, `exec > f`, which sends
 * what the script prints next there), or the content of files, changed on the way by a filter or not.
 */
export type Output = PrintedContent | 'nothing';

/** Marks the redirections of standard output with what they write (`Output`), when that is known. */
export function describeOutput(redirects: Redirect[], output: Output | undefined): void {
  if (!output) return;
  for (const redirect of redirects) {
    if (output === 'nothing') delete redirect.overwrites;
    if (!redirect.writesOutput || redirect.refusedIfExists) continue;
    const replaces = !redirect.operator.endsWith('>>');
    if (output === 'nothing') redirect.empties ||= replaces;
    else {
      redirect.from = output.files;
      if (replaces && output.changedBy) redirect.changedBy = output.changedBy;
      // `cat IMG > IMG`: the shell empties the file before the command opens it, which then reads nothing.
      else if (replaces && !output.piped && output.files.some((file) => sameFile(file, redirect.target, redirect))) redirect.empties = true;
    }
  }
}

/**
 * What a command prints as the content of files: those `cat` prints (named, fed by `<`, or what a pipe feeds it), or a
 * filter's input changed. Undefined for any other command.
 */
export function printedContent(program: string, name: Word, args: Word[], redirects: Redirect[], fed: PrintedContent | undefined): PrintedContent | undefined {
  const changes = CHANGING_FILTERS.has(program);
  if (program !== 'cat' && !changes) return undefined;
  const operands = changes ? filterFiles(program, args) : fileOperands(args);
  const named = [...operands, ...redirects.filter((redirect) => redirect.operator === '<').map((redirect) => redirect.target)];
  const files = named.length > 0 ? named : fed?.files;
  if (!files) return undefined;
  const changedBy = changes ? { program, start: name.start, end: name.end } : named.length > 0 ? undefined : fed?.changedBy;
  const content: PrintedContent = changedBy ? { files, changedBy } : { files };
  if (named.length === 0) content.piped = true;
  return content;
}

/** Whether two words surely name one file from where a command runs: `./img`, `img` and `${PWD}/img`, one value each. */
function sameFile(a: Word, b: Word, place: Place): boolean {
  const path = (word: Word) => (word.values.length === 1 && /^[^*?[]+$/.test(word.values[0]!) ? fileKey(word.values[0]!, place) : undefined);
  const first = path(a);
  return first !== undefined && first === path(b);
}

/** The words of `cat`, `tee` and the like that name files rather than options. */
export function fileOperands(args: Word[]): Word[] {
  return args.filter((arg) => !/^-./.test(arg.values[0] ?? ''));
}
