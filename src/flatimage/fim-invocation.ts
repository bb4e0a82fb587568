import type { ShellCommand } from '../shell/commands.js';
import type { Word } from '../shell/words.js';
import { FIM_BOOT_V2_OPERATIONS, FIM_COMMANDS, LISTS, type FimCommand, type FimVersion } from './fim-commands.js';
import { closest, didYouMean } from '../text/near-miss.js';
import { orList } from '../text/or-list.js';

/** A problem in a `fim-*` call, at script offsets. */
export interface FimProblem {
  message: string;
  start: number;
  end: number;
}

/** A form that exists only in some FlatImage versions (`fim-commit`, `fim-boot set`, the `shm` permission). */
export interface VersionedForm {
  form: string;
  versions: FimVersion[];
  /** What to write instead, by version. */
  instead?: Partial<Record<FimVersion, string>>;
  start: number;
  end: number;
}

export interface FimCall {
  command: string;
  problems: FimProblem[];
  forms: VersionedForm[];
}

/** Checks one invocation of an image whose first argument is a `fim-*` command. */
export function checkFimCall(invocation: ShellCommand): FimCall {
  const [commandWord, ...args] = invocation.args;
  const command = commandWord!.values[0]!;
  const call: FimCall = { command, problems: [], forms: [] };
  const problem = (message: string, word: Word) => call.problems.push({ message, start: word.start, end: word.end });
  const spec = FIM_COMMANDS[command];
  if (!spec) {
    const suggestion = closest(command.slice(4), Object.keys(FIM_COMMANDS).map((name) => name.slice(4)));
    problem(`Unknown FlatImage command '${command}'${suggestion ? `; ${didYouMean([`fim-${suggestion}`])}` : ''}`, commandWord!);
    return call;
  }
  if (spec.versions.length < 3) {
    const instead = spec.replacement ? Object.fromEntries(['v1', 'v2'].filter((v) => !spec.versions.includes(v as FimVersion)).map((v) => [v, spec.replacement!])) : undefined;
    call.forms.push({ form: command, versions: spec.versions, ...(instead ? { instead } : {}), start: commandWord!.start, end: commandWord!.end });
  }
  if (command === 'fim-root' || command === 'fim-exec') {
    if (args.length === 0) problem(`${command} needs a program to run inside the container`, commandWord!);
  } else if (command === 'fim-boot') checkBoot(call, commandWord!, args);
  else if (command === 'fim-version') {
    if (args[0]?.literal) {
      if (['short', 'full', 'deps'].includes(args[0].values[0]!)) call.forms.push({ form: `fim-version ${args[0].values[0]}`, versions: ['v2'], instead: { v1: 'fim-version' }, start: args[0].start, end: args[0].end });
      else problem(`fim-version takes short, full or deps, not '${args[0].values[0]}'`, args[0]);
    }
  } else checkOperations(call, spec, commandWord!, args, problem);
  return call;
}

function checkBoot(call: FimCall, commandWord: Word, args: Word[]): void {
  const first = args[0];
  if (!first) {
    call.problems.push({ message: 'fim-boot needs a command (v1.0.x: fim-boot <command>; v2.0: fim-boot set <command>)', start: commandWord.start, end: commandWord.end });
    return;
  }
  if (!first.literal) return;
  const value = first.values[0]!;
  const rest = args.slice(1).map((arg) => arg.raw).join(' ');
  if (FIM_BOOT_V2_OPERATIONS.includes(value)) {
    call.forms.push({ form: `fim-boot ${value}`, versions: ['v2'], instead: value === 'set' ? { v1: `fim-boot ${rest || '<command>'}` } : {}, start: commandWord.start, end: first.end });
    if (value === 'set' && args.length < 2) call.problems.push({ message: 'fim-boot set needs the command to boot', start: first.start, end: first.end });
  } else {
    call.forms.push({ form: `fim-boot ${first.raw}`, versions: ['v1'], instead: { v2: `fim-boot set ${[first.raw, rest].filter(Boolean).join(' ')}` }, start: commandWord.start, end: first.end });
  }
}

function checkOperations(call: FimCall, spec: FimCommand, commandWord: Word, args: Word[], problem: (message: string, word: Word) => void): void {
  const command = commandWord.values[0]!;
  const first = args[0];
  if (spec.choices) {
    if (!first) problem(`${command} takes ${orList(spec.choices)}`, commandWord);
    else if (first.literal && !spec.choices.includes(first.values[0]!)) problem(`${command} takes ${orList(spec.choices)}, not '${first.values[0]}'`, first);
    return;
  }
  if (!spec.operations) return;
  const operations = Object.keys(spec.operations);
  if (!first) {
    problem(`${command} needs an operation: ${orList(operations)}`, commandWord);
    return;
  }
  if (!first.literal) return;
  const name = first.values[0]!;
  const operation = spec.operations[name.toLowerCase()];
  if (!operation) {
    problem(`Unknown operation '${name}' for ${command}: expected ${orList(operations)}${hint(name, operations)}`, first);
    return;
  }
  if (operation.versions.length < spec.versions.length) call.forms.push({ form: `${command} ${name}`, versions: operation.versions, start: commandWord.start, end: first.end });
  const value = args[1];
  if (operation.choices) {
    if (!value) problem(`${command} ${name} takes ${orList(operation.choices)}`, first);
    else if (value.literal && !operation.choices.includes(value.values[0]!.toLowerCase())) problem(`${command} ${name} takes ${orList(operation.choices)}, not '${value.values[0]}'`, value);
  }
  if (operation.list) {
    if (!value) problem(`${command} ${name} needs a comma-separated list of ${operation.list}`, first);
    else if (value.literal) checkList(call, `${command} ${name}`, operation.list, value);
  }
}

function checkList(call: FimCall, context: string, list: keyof typeof LISTS, word: Word): void {
  const known = LISTS[list];
  const items = word.values[0]!.split(',').map((item) => item.trim()).filter(Boolean);
  const quote = word.raw.startsWith('"') || word.raw.startsWith("'") ? 1 : 0;
  // Exact positions inside the word when it is written as it reads (no escapes).
  const at = (item: string) => {
    const index = word.raw.indexOf(item, quote);
    return index === -1 ? { start: word.start, end: word.end } : { start: word.start + index, end: word.start + index + item.length };
  };
  for (const item of items) {
    const versions = known[item.toLowerCase()];
    if (!versions) {
      call.problems.push({ message: `Unknown ${singular(list)} '${item}' in ${context}: FlatImage knows ${Object.keys(known).join(', ')}${hint(item, Object.keys(known))}`, ...at(item) });
    } else if (versions.length < 2) call.forms.push({ form: `${singular(list)} '${item}'`, versions, ...at(item) });
  }
  if (list === 'permissions' && items.length > 1 && items.some((item) => item.toLowerCase() === 'all')) {
    call.problems.push({ message: `The permission 'all' cannot be combined with other permissions in ${context}`, ...at('all') });
  }
}

function singular(list: keyof typeof LISTS): string {
  return list === 'permissions' ? 'permission' : list === 'unshare' ? 'namespace' : 'desktop integration';
}

/** `; did you mean 'x'?` after a message, or nothing. */
function hint(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `; ${didYouMean([suggestion])}` : '';
}
