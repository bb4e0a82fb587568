import { findListing } from './listing.js';
import { syntheticWord, type Word } from './words.js';

/** A program run with its arguments, directly or under wrappers such as `sudo` or `find -exec`. */
export interface Invocation {
  name: Word;
  args: Word[];
  /** The wrappers around it, outermost first: `sudo`, `find -exec`, `xargs`, `bash -c`. */
  via: string[];
  /** Script offsets from the program name to the end of its last argument. */
  start: number;
  end: number;
  /** The paths a pipe feeds it (what the previous stage lists), when known. */
  stdin: string[] | undefined;
  /** For `bash -c 'script' arg0 arg1…`: the script word and the positional parameters `$0`, `$1`, …. */
  innerScript?: { word: Word; shell: string; positional: string[][] };
}

/** The last path segment of a program name: `/usr/bin/strip` is `strip`. */
export function programName(word: Word): string {
  const value = word.values[0] ?? '';
  return value.slice(value.lastIndexOf('/') + 1);
}

/** The invocation followed by every program it runs through wrappers, outermost first. */
export function unwrapCommand(invocation: Invocation, depth = 0): Invocation[] {
  if (depth > 8) return [invocation];
  const inner = unwrapOnce(invocation);
  return [invocation, ...inner.flatMap((each) => unwrapCommand(each, depth + 1))];
}

const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh', 'ash', 'mksh']);

function unwrapOnce(invocation: Invocation): Invocation[] {
  const name = programName(invocation.name);
  const args = invocation.args;
  switch (name) {
    case 'sudo':
    case 'doas':
      return after(invocation, name, skipOptions(args, 0, new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T']), true));
    case 'env':
      return after(invocation, name, skipOptions(args, 0, new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']), true));
    case 'command': {
      const first = args[0]?.values[0];
      if (first === '-v' || first === '-V') return [];
      return after(invocation, name, skipOptions(args, 0, new Set(), false));
    }
    case 'nice':
      return after(invocation, name, skipOptions(args, 0, new Set(['-n']), false));
    case 'nohup':
    case 'time':
    case 'exec':
      return after(invocation, name, skipOptions(args, 0, new Set(['-a']), false));
    case 'timeout': {
      const duration = skipOptions(args, 0, new Set(['-s', '-k', '--signal', '--kill-after']), false);
      return after(invocation, name, duration + 1);
    }
    case 'xargs':
      return xargs(invocation);
    case 'find':
      return findExec(invocation);
    case 'busybox':
      if (!args[0] || !SHELLS.has(programName(args[0]))) return after(invocation, name, 0);
      invocation.innerScript = innerScript(args.slice(1), programName(args[0]));
      return [];
    default:
      if (SHELLS.has(name)) invocation.innerScript = innerScript(args, name);
      return [];
  }
}

/** The index of the first argument that is neither an option (nor an option's value) nor, if allowed, `NAME=value`. */
function skipOptions(args: Word[], from: number, withValue: ReadonlySet<string>, assignments: boolean): number {
  let index = from;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (value === '--') return index + 1;
    if (assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) index++;
    else if (value.startsWith('-') && value.length > 1) index += withValue.has(value) ? 2 : 1;
    else break;
  }
  return index;
}

function after(invocation: Invocation, wrapper: string, index: number): Invocation[] {
  const name = invocation.args[index];
  if (!name) return [];
  const args = invocation.args.slice(index + 1);
  return [{ name, args, via: [...invocation.via, wrapper], start: name.start, end: (args[args.length - 1] ?? name).end, stdin: invocation.stdin }];
}

function replacePlaceholder(word: Word, placeholder: string, paths: string[]): Word {
  if (!word.values.some((value) => value.includes(placeholder))) return word;
  const values = word.values.flatMap((value) => (value.includes(placeholder) ? paths.map((path) => value.split(placeholder).join(path)) : [value]));
  return { ...word, values, literal: false };
}

function xargs(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  let replace: string | undefined;
  let index = 0;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (!value.startsWith('-') || value === '-') break;
    if (value === '--') {
      index++;
      break;
    }
    if (value === '-I' || value === '--replace') replace = args[++index]?.values[0];
    else if (value.startsWith('-I')) replace = value.slice(2);
    else if (value.startsWith('-i') || value.startsWith('--replace=')) replace = value.replace(/^(-i|--replace=?)/, '') || '{}';
    else if (['-L', '-n', '-P', '-s', '-d', '-E', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file'].includes(value)) index++;
    index++;
  }
  const [unwrapped] = after(invocation, 'xargs', index);
  if (!unwrapped) return [];
  const input = invocation.stdin ?? [];
  if (replace) {
    unwrapped.name = replacePlaceholder(unwrapped.name, replace, input);
    unwrapped.args = unwrapped.args.map((arg) => replacePlaceholder(arg, replace!, input));
  } else if (input.length > 0) {
    unwrapped.args = [...unwrapped.args, syntheticWord(input, { start: invocation.end, end: invocation.end })];
  }
  return [unwrapped];
}

function findExec(invocation: Invocation): Invocation[] {
  const listing = findListing(invocation.args.map((arg) => arg.values));
  const result: Invocation[] = [];
  const args = invocation.args;
  for (let index = 0; index < args.length; index++) {
    const action = args[index]!.values[0];
    if (action !== '-exec' && action !== '-execdir' && action !== '-ok' && action !== '-okdir') continue;
    let end = index + 1;
    while (end < args.length && args[end]!.values[0] !== ';' && args[end]!.values[0] !== '+') end++;
    const segment = args.slice(index + 1, end).map((arg) => replacePlaceholder(arg, '{}', listing));
    const [name, ...rest] = segment;
    if (name) {
      const last = rest[rest.length - 1] ?? name;
      result.push({ name, args: rest, via: [...invocation.via, `find ${action}`], start: name.start, end: last.end, stdin: undefined });
    }
    index = end;
  }
  return result;
}

const SHELL_OPTIONS_WITH_VALUE = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** The script of `bash -c 'script' arg0 arg1…` (any option cluster holding `c`), with its positional parameters. */
function innerScript(args: Word[], shell: string): Invocation['innerScript'] {
  let index = 0;
  let command = false;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (!/^[-+]/.test(value) || value === '-' || value === '--') break;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value)) command = true;
    index += SHELL_OPTIONS_WITH_VALUE.has(value) ? 2 : 1;
  }
  const script = args[index];
  if (!command || !script) return undefined;
  return { word: script, shell: `${shell} -c`, positional: args.slice(index + 1).map((arg) => arg.values) };
}
