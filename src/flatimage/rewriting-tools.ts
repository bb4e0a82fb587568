import type { Invocation } from '../shell/wrappers.js';
import { programName } from '../shell/wrappers.js';
import type { Word } from '../shell/words.js';

/** A program that rewrites, truncates or appends to the files it is given. */
export interface RewritingUse {
  /** The tool as the message names it: `strip`, `install -s`, `tee -a`, … */
  tool: string;
  /** What it does to an image, for the message. */
  effect: string;
  /** The arguments that are files it writes. */
  operands: Word[];
}

const EFFECTS = {
  rebuild: 'rebuilds the file from its ELF headers and drops everything after them, leaving the runtime without its filesystem',
  upx: 'packs the runtime ELF and drops the data appended to it, so the filesystem is lost',
  patch: 'rewrites the runtime ELF in place or appends ELF data after the filesystem, which breaks the image',
  truncate: 'cuts the file to a new size, losing the filesystem appended to the runtime',
  overwrite: 'overwrites the file (and truncates it unless conv=notrunc), corrupting or losing the filesystem after the runtime',
  append: 'appends raw bytes after the filesystem, which the runtime then reads as a broken layer',
};

/** Options that take the next word as their value, by tool family. */
const VALUE_OPTIONS: Record<string, Set<string>> = {
  strip: new Set(['-F', '-I', '-O', '-R', '-K', '-N', '-f']),
  objcopy: new Set(['-I', '-O', '-B', '-F', '-j', '-R', '-K', '-N', '-G', '-W', '-L', '-b', '-i']),
  upx: new Set(),
  patchelf: new Set(['--set-interpreter', '--set-rpath', '--add-rpath', '--add-needed', '--remove-needed', '--set-soname', '--page-size', '--set-os-abi']),
  'eu-elfcompress': new Set(['-t', '-n', '--type', '--name']),
  elfedit: new Set(),
  'termux-elf-cleaner': new Set(['--api-level']),
  truncate: new Set(['-s', '-r', '--size', '--reference']),
  tee: new Set(),
  install: new Set(['-m', '-o', '-g', '-t', '-S', '--mode', '--owner', '--group', '--target-directory', '--suffix', '--strip-program']),
};

/**
 * Every tool above has one of these words in its name (`$STRIP` and `${CROSS_COMPILE}strip` too), and an append
 * needs `>>`: a script without any of them cannot rewrite the image, so it need not be parsed for this.
 */
export const REWRITING_HINT = /strip|objcopy|upx|patchelf|elfedit|elf-cleaner|elfcompress|truncate|\binstall\b|\btee\b|\bdd\b|>>/i;

const INFO_ONLY = new Set(['--version', '--help', '-V', '-h']);

/** The rewriting tool an invocation runs, or undefined when it runs none (or only asks for help or a version). */
export function rewritingUse(invocation: Invocation): RewritingUse | undefined {
  let name = programName(invocation.name);
  let args = invocation.args;
  if (name === 'zig' && args[0]?.values[0] === 'objcopy') {
    name = 'zig objcopy';
    args = args.slice(1);
  }
  if (args.length > 0 && args.every((arg) => INFO_ONLY.has(arg.values[0] ?? ''))) return undefined;
  const family = toolFamily(name, args);
  if (!family) return undefined;
  const operands = family.key === 'dd' ? ddOutputs(args) : operandsOf(args, VALUE_OPTIONS[family.key] ?? new Set());
  return { tool: family.tool, effect: family.effect, operands };
}

function toolFamily(name: string, args: Word[]): { key: string; tool: string; effect: string } | undefined {
  if (name === 'wasm-strip') return undefined;
  if (/^(?:.*[-}])?s?strip(?:-\d+)?$/.test(name) || name === '${STRIP}') return { key: 'strip', tool: name, effect: EFFECTS.rebuild };
  if (/^(?:.*[-}])?objcopy(?:-\d+)?$/.test(name) || name === '${OBJCOPY}' || name === 'zig objcopy') return { key: 'objcopy', tool: name, effect: EFFECTS.rebuild };
  if (name === 'eu-elfcompress') return { key: name, tool: name, effect: EFFECTS.rebuild };
  if (name === 'upx') return { key: 'upx', tool: name, effect: EFFECTS.upx };
  if (name === 'patchelf') {
    const changes = args.some((arg) => /^--(set|add|remove|replace|shrink|no-default|page-size|rename|clear)/.test(arg.values[0] ?? ''));
    return changes ? { key: 'patchelf', tool: name, effect: EFFECTS.patch } : undefined;
  }
  if (name === 'elfedit' || name === 'termux-elf-cleaner') return { key: name, tool: name, effect: EFFECTS.patch };
  if (name === 'truncate') return { key: 'truncate', tool: name, effect: EFFECTS.truncate };
  if (name === 'install' && args.some((arg) => installStrips(arg.values[0] ?? ''))) return { key: 'install', tool: 'install -s', effect: EFFECTS.rebuild };
  if (name === 'tee' && args.some((arg) => arg.values[0] === '--append' || /^-[a-z]*a[a-z]*$/.test(arg.values[0] ?? ''))) {
    return { key: 'tee', tool: 'tee -a', effect: EFFECTS.append };
  }
  if (name === 'dd') return { key: 'dd', tool: 'dd', effect: EFFECTS.overwrite };
  return undefined;
}

function installStrips(value: string): boolean {
  if (value === '--strip' || value.startsWith('--strip-program')) return true;
  if (!/^-[A-Za-z][A-Za-z0-9]*$/.test(value)) return false;
  for (const letter of value.slice(1)) {
    if (letter === 's') return true;
    if ('mogtS'.includes(letter)) return false;
  }
  return false;
}

function operandsOf(args: Word[], withValue: ReadonlySet<string>): Word[] {
  const operands: Word[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.values[0] ?? '';
    if (value === '-o' || value === '--output') {
      // The output file of `strip -o out in` is written too.
      const output = args[++index];
      if (output) operands.push(output);
    } else if (value.startsWith('-') && value.length > 1) {
      if (withValue.has(value)) index++;
    } else operands.push(args[index]!);
  }
  return operands;
}

function ddOutputs(args: Word[]): Word[] {
  return args
    .filter((arg) => (arg.values[0] ?? '').startsWith('of='))
    .map((arg) => ({ ...arg, values: arg.values.map((value) => value.slice(3)) }));
}
