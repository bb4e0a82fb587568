import { EMPTY_FILE } from '../shell/paths.js';
import type { Word } from '../shell/words.js';

/**
 * What a program does to the files it names. `rewrite`…`append` change an existing file in place (or derive a broken
 * copy of it); `replace` writes a whole new file (a copy, a download, `>`), which does not damage what was there.
 */
export type Effect = 'rebuild' | 'upx' | 'patch' | 'edit' | 'poke' | 'truncate' | 'space' | 'overwrite' | 'append' | 'empty' | 'log' | 'replace';

export const EFFECTS: Record<Exclude<Effect, 'replace'>, string> = {
  rebuild: 'rebuilds the file from its ELF headers and drops everything after them, leaving the runtime without its filesystem',
  upx: 'packs the runtime ELF and drops the data appended to it, so the filesystem is lost',
  patch: 'rewrites the runtime ELF in place or appends ELF data after the filesystem, which breaks the image',
  edit: 'edits the file in place as text, changing bytes of the runtime and of the filesystem after it',
  poke: 'writes the bytes of a hex dump into the file in place, changing bytes of the runtime or of the filesystem after it',
  truncate: 'cuts the file to a new size, losing the filesystem appended to the runtime',
  space: 'punches holes in or resizes the file, losing or corrupting the filesystem after the runtime',
  overwrite: 'overwrites the file (and truncates it unless conv=notrunc), corrupting or losing the filesystem after the runtime',
  append: 'appends raw bytes after the filesystem, which the runtime then reads as a broken layer',
  empty: 'replaces it with an empty file, so the package ships neither runtime nor filesystem',
  log: 'writes the log of the terminal session over it, so the package ships that text instead of the runtime and its filesystem',
};

/** One file a command writes: the word naming it and what the write does. */
export interface FileWrite {
  word: Word;
  effect: Effect;
  /** For a derived copy (`strip -o OUT IN`, `cp IN OUT`, `mv IN OUT`): the files it is made from. */
  from: Word[];
  /** True when the source files are gone afterwards (`mv`). */
  moves?: boolean;
  /** True when `word` is a directory the sources are put into under their own names (`cp a b dir/`, `-t dir`). */
  intoDirectory?: boolean;
}

/**
 * Whether a write gives the file new content made from other files or from nothing (`cp`, `strip -o OUT IN`, `>`),
 * rather than changing what the file holds (in place, `dd of=`, an append).
 */
export function makesNewContent(write: FileWrite): boolean {
  return write.effect !== 'append' && write.effect !== 'overwrite' && !write.from.some((source) => source.values[0] === write.word.values[0]);
}

/** What one run of a program reads and writes; `tool` is how messages name it (`strip`, `install -s`, `sed -i`). */
export interface FileOperation {
  tool: string;
  reads: Word[];
  writes: FileWrite[];
  /** What to do instead, for a program that damages the file only because it is named where another should be. */
  advice?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Command lines as getopt reads them

interface Option {
  /** The option as written (`-o`, `--output`, `-sv` for a cluster). */
  name: string;
  value: Word | undefined;
}

interface ParsedArgs {
  options: Option[];
  operands: Word[];
}

interface Syntax {
  /** Options that take the next word (or the rest of the cluster, or `=value`) as their value. */
  withValue?: ReadonlySet<string>;
  /** Options that take two words (`patchelf --replace-needed OLD NEW`). */
  withTwoValues?: ReadonlySet<string>;
  /** Options may follow operands (GNU style); false for programs where the first operand ends the options. */
  permute?: boolean;
}

const text = (word: Word | undefined) => word?.values[0] ?? '';

function parseArgs(args: readonly Word[], syntax: Syntax): ParsedArgs {
  const withValue = syntax.withValue ?? new Set<string>();
  const options: Option[] = [];
  const operands: Word[] = [];
  let index = 0;
  for (; index < args.length; index++) {
    const word = args[index]!;
    const value = text(word);
    if (value === '--') {
      index++;
      break;
    }
    if (!value.startsWith('-') || value === '-') {
      operands.push(word);
      if (syntax.permute === false) {
        index++;
        break;
      }
      continue;
    }
    if (value.startsWith('--')) {
      const equals = value.indexOf('=');
      const name = equals === -1 ? value : value.slice(0, equals);
      if (syntax.withTwoValues?.has(name)) {
        options.push({ name, value: args[index + 2] });
        index += 2;
      } else if (equals !== -1) options.push({ name, value: valueAfter(word, equals + 1) });
      else if (withValue.has(name)) options.push({ name, value: args[++index] });
      else options.push({ name, value: undefined });
      continue;
    }
    // A short option, or a cluster of them: the first one that takes a value takes the rest of the cluster or the next word.
    let consumed = false;
    for (let letter = 1; letter < value.length; letter++) {
      const name = `-${value[letter]}`;
      if (!withValue.has(name)) {
        options.push({ name, value: undefined });
        continue;
      }
      const rest = value.slice(letter + 1);
      options.push({ name, value: rest ? valueAfter(word, letter + 1) : args[++index] });
      consumed = true;
      break;
    }
    if (!consumed && syntax.withTwoValues?.has(value)) index += 2;
  }
  for (let operand = index; operand < args.length; operand++) operands.push(args[operand]!);
  return { options, operands };
}

/** The value of `--name=value` or `of=value` as a word of its own, written as the script has it after the `=`. */
function afterEquals(word: Word): Word {
  return valueAfter(word, text(word).indexOf('=') + 1);
}

/**
 * The value an option carries in its own word (`-oOUT`, `--output=OUT`, `of=OUT`): the word without the first `length`
 * characters of its value, and `raw` without the option as written, so that a message names `"./${PKG}"`, not
 * `-o"./${PKG}"`.
 */
function valueAfter(word: Word, length: number): Word {
  const option = text(word).slice(0, length);
  const quote = /^["']/.exec(word.raw)?.[0];
  const raw = word.raw.startsWith(option) ? word.raw.slice(length) : quote && word.raw.startsWith(option, 1) ? quote + word.raw.slice(1 + length) : word.raw;
  const cut = (values: string[]) => values.map((value) => value.slice(length));
  return { ...word, raw, values: cut(word.values), ...(word.written ? { written: cut(word.written) } : {}) };
}

const has = (parsed: ParsedArgs, ...names: string[]) => parsed.options.some((option) => names.includes(option.name));
const valuesOf = (parsed: ParsedArgs, ...names: string[]) =>
  parsed.options.filter((option) => names.includes(option.name) && option.value).map((option) => option.value!);

function inPlace(tool: string, files: Word[], effect: Effect): FileOperation {
  return { tool, reads: files, writes: files.map((word) => ({ word, effect, from: [word] })) };
}

function derived(tool: string, inputs: Word[], output: Word, effect: Effect): FileOperation {
  return { tool, reads: inputs, writes: [{ word: output, effect, from: inputs }] };
}

const set = (...names: string[]) => new Set(names);

// ---------------------------------------------------------------------------------------------------------------
// The table

/** How one program (or family) reads a command line into the files it reads and writes; undefined when it writes none. */
type Reader = (args: readonly Word[], tool: string) => FileOperation | undefined;

/** `strip [-o OUT] IN…` (GNU, LLVM, elfutils, sstrip): in place unless `-o` names the output. */
const STRIP_SYNTAX: Syntax = {
  withValue: set('-F', '-I', '-O', '-R', '-K', '-N', '-o', '-f', '-G', '--target', '--input-target', '--output-target', '--remove-section', '--keep-symbol', '--strip-symbol', '--keep-section', '--remove-relocations', '--output', '--output-file'),
};
const strip: Reader = (args, tool) => {
  const parsed = parseArgs(args, STRIP_SYNTAX);
  const [output] = valuesOf(parsed, '-o', '--output', '--output-file');
  if (output) return derived(tool, parsed.operands, output, 'rebuild');
  return inPlace(tool, parsed.operands, 'rebuild');
};

/** `objcopy [options] IN [OUT]` (GNU, LLVM, zig): IN rewritten in place when no OUT is given. */
const OBJCOPY_SYNTAX: Syntax = {
  withValue: set(
    '-I', '-O', '-B', '-F', '-j', '-R', '-K', '-N', '-G', '-W', '-L', '-b', '-i',
    '--input-target', '--output-target', '--target', '--binary-architecture', '--only-section', '--remove-section', '--remove-relocations',
    '--keep-symbol', '--strip-symbol', '--strip-unneeded-symbol', '--keep-global-symbol', '--localize-symbol', '--globalize-symbol',
    '--weaken-symbol', '--add-section', '--dump-section', '--update-section', '--set-section-flags', '--set-section-alignment',
    '--rename-section', '--add-symbol', '--redefine-sym', '--redefine-syms', '--add-gnu-debuglink', '--only-keep-debug-file', '--byte',
    '--interleave', '--interleave-width', '--gap-fill', '--pad-to', '--set-start', '--change-start', '--adjust-start',
    '--change-addresses', '--adjust-vma', '--change-section-address', '--change-section-lma', '--change-section-vma',
    '--prefix-symbols', '--prefix-sections', '--prefix-alloc-sections', '--heap', '--stack', '--subsystem', '--file-alignment',
    '--section-alignment', '--image-base', '--compress-debug-sections', '--set-symbol-visibility', '--elf-stt-common',
    '--keep-section', '--keep-symbols', '--strip-symbols', '--localize-symbols', '--globalize-symbols', '--weaken-symbols',
    '--keep-global-symbols', '--strip-unneeded-symbols', '--new-symbol-visibility', '--extract-partition', '--set-section-type',
  ),
};
const objcopy: Reader = (args, tool) => {
  const parsed = parseArgs(args, OBJCOPY_SYNTAX);
  const [input, output] = parsed.operands;
  if (!input) return undefined;
  return output ? derived(tool, [input], output, 'rebuild') : inPlace(tool, [input], 'rebuild');
};

/** `upx [-o OUT] FILE…`; `-t`, `-l`, `--fileinfo` only read. */
const upx: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-o', '--output') });
  if (has(parsed, '-t', '-l', '-L', '--test', '--list', '--fileinfo', '--license')) return undefined;
  const [output] = valuesOf(parsed, '-o', '--output');
  return output ? derived(tool, parsed.operands, output, 'upx') : inPlace(tool, parsed.operands, 'upx');
};

/** `eu-elfcompress [-o OUT] FILE…`. */
const elfcompress: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-o', '--output', '-t', '--type', '-n', '--name') });
  const [output] = valuesOf(parsed, '-o', '--output');
  return output ? derived(tool, parsed.operands, output, 'rebuild') : inPlace(tool, parsed.operands, 'rebuild');
};

/** `dwz [-o OUT] FILE…` rewrites DWARF data in place. */
const dwz: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-o', '--output', '-m', '--multifile', '-M', '--multifile-name', '-l', '-L') });
  const [output] = valuesOf(parsed, '-o', '--output');
  return output ? derived(tool, parsed.operands, output, 'rebuild') : inPlace(tool, parsed.operands, 'rebuild');
};

/** `prelink FILE…` relinks in place; `--verify` only reads. */
const prelink: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-c', '--config-file', '-C', '--cache-file', '-r', '--reloc-only', '--dynamic-linker', '--ld-library-path', '-o') });
  if (has(parsed, '-y', '--verify', '-p', '--print-cache')) return undefined;
  const [output] = valuesOf(parsed, '-o');
  return output ? derived(tool, parsed.operands, output, 'patch') : inPlace(tool, parsed.operands, 'patch');
};

const PATCHELF_CHANGES = /^--(set|add|remove|replace|shrink|no-default|page-size|rename|clear|no-sort|add-debug)/;
/** `patchelf --set-… FILE… [--output OUT]`; `--print-…` only reads. */
const patchelf: Reader = (args, tool) => {
  const parsed = parseArgs(args, {
    withValue: set('--set-interpreter', '--set-rpath', '--add-rpath', '--add-needed', '--remove-needed', '--set-soname', '--page-size', '--set-os-abi', '--output', '--rename-dynamic-symbols', '--clear-symbol-version'),
    withTwoValues: set('--replace-needed'),
  });
  if (!parsed.options.some((option) => PATCHELF_CHANGES.test(option.name))) return undefined;
  const [output] = valuesOf(parsed, '--output');
  return output ? derived(tool, parsed.operands, output, 'patch') : inPlace(tool, parsed.operands, 'patch');
};

/** `elfedit --output-… FILE…` edits headers in place. */
const elfedit: Reader = (args, tool) => {
  const parsed = parseArgs(args, {
    withValue: set('--input-mach', '--output-mach', '--input-type', '--output-type', '--input-osabi', '--output-osabi', '--input-abiversion', '--output-abiversion', '--enable-x86-feature', '--disable-x86-feature'),
  });
  return inPlace(tool, parsed.operands, 'patch');
};

/** `xxd -r [DUMP] FILE` writes the bytes of a hex dump into FILE where the dump places them, without truncating it. */
const xxd: Reader = (args) => {
  const parsed = parseArgs(args, { withValue: set('-s', '-c', '-g', '-l', '-o', '-n', '-seek', '-cols', '-len', '-name') });
  if (!has(parsed, '-r', '-revert', '-rp', '-pr')) return undefined;
  const [dump, file] = parsed.operands;
  return file ? { tool: 'xxd -r', reads: [dump!], writes: [{ word: file, effect: 'poke', from: [file] }] } : undefined;
};

/** Header editors that change files in place only with some options (`chrpath -r`, `execstack -s`, `scanelf -X`). */
function headerEditor(withValue: ReadonlySet<string>, writes: (parsed: ParsedArgs) => boolean): Reader {
  return (args, tool) => {
    const parsed = parseArgs(args, { withValue });
    return writes(parsed) ? inPlace(tool, parsed.operands, 'patch') : undefined;
  };
}
const chrpath = headerEditor(set('-r', '--replace'), (parsed) => has(parsed, '-r', '--replace', '-d', '--delete', '-c', '--convert'));
const execstack = headerEditor(set(), (parsed) => has(parsed, '-s', '-c', '--set-execstack', '--clear-execstack'));
const paxctl = headerEditor(set(), (parsed) => parsed.options.some((option) => !['-v', '-q', '-Q'].includes(option.name)));
const scanelf = headerEditor(set('-E', '-M', '-F', '-s', '-N', '-k', '-O', '--etype', '--bits', '--format', '--symbol', '--lib', '--section', '--perms'), (parsed) =>
  has(parsed, '-X', '--fix'),
);
const alwaysInPlace = (effect: Effect, withValue: ReadonlySet<string> = set()): Reader => (args, tool) =>
  inPlace(tool, parseArgs(args, { withValue }).operands, effect);

/** `install [-s] SRC… DEST` / `install -t DIR SRC…`: copies, and strips the copies with `-s`. */
const install: Reader = (args) => {
  const parsed = parseArgs(args, { withValue: set('-m', '-o', '-g', '-t', '-S', '--mode', '--owner', '--group', '--target-directory', '--suffix', '--strip-program', '-Z', '--context') });
  if (has(parsed, '-d', '--directory')) return undefined;
  const strips = has(parsed, '-s', '--strip', '--strip-program');
  return copyLike(parsed, strips ? 'install -s' : 'install', strips ? 'rebuild' : 'replace', false);
};

/** `cp`/`mv`/`ln`/`rsync SRC… DEST` and `-t DIR SRC…`. */
function copier(moves: boolean, withValue: ReadonlySet<string>): Reader {
  return (args, tool) => copyLike(parseArgs(args, { withValue }), tool, 'replace', moves);
}
const cp = copier(false, set('-t', '--target-directory', '-S', '--suffix'));
const mv = copier(true, set('-t', '--target-directory', '-S', '--suffix'));
const ln = copier(false, set('-t', '--target-directory', '-S', '--suffix'));
const rsync = copier(false, set('-e', '--rsh', '--exclude', '--include', '--filter', '-f', '--files-from', '--chmod', '--chown', '--log-file', '--partial-dir', '--temp-dir', '-T', '--backup-dir', '--suffix', '--rsync-path'));

function copyLike(parsed: ParsedArgs, tool: string, effect: Effect, moves: boolean): FileOperation | undefined {
  const [directory] = valuesOf(parsed, '-t', '--target-directory');
  const sources = directory ? parsed.operands : parsed.operands.slice(0, -1);
  const destination = directory ?? parsed.operands[parsed.operands.length - 1];
  if (!destination || sources.length === 0) return undefined;
  const intoDirectory = Boolean(directory) || sources.length > 1 || text(destination).endsWith('/') || /^(\.|\$\{(SBUILD_OUTDIR|SBUILD_TMPDIR|PWD)\})$/.test(text(destination));
  const empties = effect === 'replace' && !intoDirectory && sources.every((source) => text(source) === EMPTY_FILE);
  return { tool, reads: sources, writes: [{ word: destination, effect: empties ? 'empty' : effect, from: sources, moves, intoDirectory }] };
}

/** `truncate -s SIZE FILE…` (`-r REF` is read). */
const truncate: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-s', '--size', '-r', '--reference') });
  return { ...inPlace(tool, parsed.operands, 'truncate'), reads: [...parsed.operands, ...valuesOf(parsed, '-r', '--reference')] };
};

const fallocate = alwaysInPlace('space', set('-o', '--offset', '-l', '--length'));

/** `dd if=IN of=OUT`: OUT is overwritten from IN, appended to with `oflag=append`. */
const dd: Reader = (args, tool) => {
  const operand = (key: string) => args.filter((arg) => text(arg).startsWith(`${key}=`)).map(afterEquals);
  const appends = args.some((arg) => /^oflag=.*append/.test(text(arg)));
  const inputs = operand('if');
  return { tool, reads: inputs, writes: operand('of').map((word) => ({ word, effect: appends ? 'append' : 'overwrite', from: inputs })) };
};

/** `tee [-a] FILE…`: appends with `-a`, else writes new files. */
const tee: Reader = (args) => {
  const parsed = parseArgs(args, { withValue: set('--output-error') });
  const appends = has(parsed, '-a', '--append');
  const tool = appends ? 'tee -a' : 'tee';
  return { tool, reads: [], writes: parsed.operands.map((word) => ({ word, effect: appends ? 'append' : 'replace', from: [] })) };
};

/** A download that writes the file an option names (`curl -o FILE`): new content, as a copy's is. `-` is standard output. */
function downloader(outputOptions: string[], otherOptionsWithValue: string[]): Reader {
  const syntax = { withValue: set(...outputOptions, ...otherOptionsWithValue) };
  return (args, tool) => {
    const files = valuesOf(parseArgs(args, syntax), ...outputOptions).filter((word) => text(word) !== '-');
    return files.length > 0 ? { tool, reads: [], writes: files.map((word) => ({ word, effect: 'replace', from: [] })) } : undefined;
  };
}
const curl = downloader(['-o', '--output'], [
  '-w', '--write-out', '-H', '--header', '-A', '--user-agent', '-e', '--referer', '-u', '--user', '-x', '--proxy', '-d', '--data', '--data-raw',
  '--data-binary', '--data-urlencode', '-X', '--request', '-m', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time',
  '-r', '--range', '-T', '--upload-file', '-b', '--cookie', '-c', '--cookie-jar', '-K', '--config', '-C', '--continue-at', '-E', '--cert',
  '--cacert', '-F', '--form', '--resolve', '-z', '--time-cond', '-y', '-Y', '-t', '-Q', '-P',
]);
const wget = downloader(['-O', '--output-document'], [
  '-o', '--output-file', '-a', '--append-output', '-i', '--input-file', '-P', '--directory-prefix', '-U', '--user-agent', '-t', '--tries',
  '-T', '--timeout', '-e', '--execute', '--header', '--user', '--password', '-w', '--wait', '-Q', '--quota', '-l', '--level',
]);
const soarDownload = downloader(['-o', '--output'], ['--match', '--exclude', '--regex', '--glob']);
/** `soar dl URL -o FILE` (`soar download`). */
const soar: Reader = (args, tool) => (['dl', 'download'].includes(text(args[0])) ? soarDownload(args.slice(1), `${tool} ${text(args[0])}`) : undefined);

/**
 * `script [options] [FILE]` (util-linux): the log of the session, the typescript, goes into FILE, written over it or
 * appended to it with `-a`, as do the logs `-O`, `-I`, `-B` and the timing log `-T` name. Without FILE it is
 * `typescript`, never the image.
 */
const script: Reader = (args, tool) => {
  const parsed = parseArgs(args, {
    withValue: set('-c', '--command', '-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format'),
  });
  const logs = [...parsed.operands.slice(0, 1), ...valuesOf(parsed, '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing')];
  const appends = has(parsed, '-a', '--append');
  const writes = logs.map((word): FileWrite => ({ word, effect: appends ? 'append' : 'log', from: [] }));
  return { tool: appends ? `${tool} -a` : tool, reads: [], writes, advice: 'Give script another file for its log, such as /dev/null' };
};

/** `sponge [-a] FILE`. */
const sponge: Reader = (args) => {
  const parsed = parseArgs(args, {});
  const appends = has(parsed, '-a');
  return { tool: appends ? 'sponge -a' : 'sponge', reads: [], writes: parsed.operands.map((word) => ({ word, effect: appends ? 'append' : 'replace', from: [] })) };
};

/** `sed -i SCRIPT FILE…` (`-i`, `-i.bak`, `--in-place[=SUFFIX]`, `-Ei`); without `-i` it only reads. */
const sed: Reader = (args, tool) => {
  // `-i` may end a cluster (`-Ei`) and takes the rest as a suffix (`-i.bak`), unless a letter before it took it as a value.
  const inPlaceFlag = (value: string) => value.startsWith('--in-place') || /^-[A-Zabcdghjkmnopqrstuvwxyz]*i/.test(value);
  if (!args.some((arg) => inPlaceFlag(text(arg)))) return undefined;
  const parsed = parseArgs(
    args.filter((arg) => !inPlaceFlag(text(arg))),
    { withValue: set('-e', '--expression', '-f', '--file', '-l', '--line-length') },
  );
  const files = has(parsed, '-e', '--expression', '-f', '--file') ? parsed.operands : parsed.operands.slice(1);
  return inPlace(`${tool} -i`, files, 'edit');
};

/** `perl -i[.bak] -pe CODE FILE…` / `ruby -i`: the files are edited in place. */
const perlLike: Reader = (args, tool) => {
  let code = false;
  let editsInPlace = false;
  let index = 0;
  for (; index < args.length; index++) {
    const value = text(args[index]);
    if (value === '--') {
      index++;
      break;
    }
    if (!value.startsWith('-') || value === '-') break;
    for (let letter = 1; letter < value.length; letter++) {
      const flag = value[letter]!;
      if (flag === 'i') {
        editsInPlace = true;
        break; // the rest of the cluster is the backup suffix
      }
      if (flag === 'e' || flag === 'E') {
        code = true;
        if (letter === value.length - 1) index++;
        break;
      }
      if ('IMmxCdDlF0'.includes(flag)) break; // these take the rest of the cluster as their value
    }
  }
  if (!editsInPlace) return undefined;
  const files = args.slice(code ? index : index + 1);
  return inPlace(`${tool} -i`, files, 'edit');
};

/** `gawk -i inplace PROGRAM FILE…`. */
const awk: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-f', '--file', '-v', '--assign', '-F', '--field-separator', '-i', '--include', '-l', '--load', '-E', '--exec') });
  if (!valuesOf(parsed, '-i', '--include').some((value) => /^inplace(\.awk)?$/.test(text(value)))) return undefined;
  const files = has(parsed, '-f', '--file', '-E', '--exec') ? parsed.operands : parsed.operands.slice(1);
  return inPlace(`${tool} -i inplace`, files, 'edit');
};

/** `dos2unix FILE…` converts in place; `-n IN OUT` writes a new file; `-O` writes to standard output. */
const dos2unix: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-c', '--convmode', '-f', '--force') });
  if (has(parsed, '-O', '--to-stdout', '-i', '--info')) return undefined;
  if (has(parsed, '-n', '--newfile')) {
    const writes: FileWrite[] = [];
    for (let index = 0; index + 1 < parsed.operands.length; index += 2) writes.push({ word: parsed.operands[index + 1]!, effect: 'replace', from: [parsed.operands[index]!] });
    return { tool, reads: parsed.operands.filter((_, index) => index % 2 === 0), writes };
  }
  return inPlace(tool, parsed.operands, 'edit');
};

/** `sd FIND REPLACE FILE…` edits in place unless `-p` previews. */
const sd: Reader = (args, tool) => {
  const parsed = parseArgs(args, { withValue: set('-f', '--flags', '-n', '--max-replacements') });
  if (has(parsed, '-p', '--preview')) return undefined;
  return inPlace(tool, parsed.operands.slice(2), 'edit');
};

/** `ed FILE` / `ex FILE` (with a script on standard input or `-c`): line editors that write the file back. */
const lineEditor = alwaysInPlace('edit', set('-p', '--prompt', '-c', '-S', '-u', '-i'));

const TOOLS: Record<string, Reader> = {
  strip,
  sstrip: strip,
  'super-strip': strip,
  'eu-strip': strip,
  'llvm-strip': strip,
  'llvm-bitcode-strip': strip,
  objcopy,
  'llvm-objcopy': objcopy,
  'zig objcopy': objcopy,
  'eu-elfcompress': elfcompress,
  dwz,
  upx,
  patchelf,
  elfedit,
  'termux-elf-cleaner': alwaysInPlace('patch', set('--api-level')),
  chrpath,
  execstack,
  paxctl,
  scanelf,
  prelink,
  'strip-nondeterminism': alwaysInPlace('rebuild', set('-t', '--type', '-T', '--timestamp')),
  gzexe: alwaysInPlace('rebuild'),
  xxd,
  install,
  cp,
  mv,
  ln,
  rsync,
  truncate,
  fallocate,
  dd,
  tee,
  sponge,
  script,
  curl,
  wget,
  soar,
  sed,
  gsed: sed,
  perl: perlLike,
  ruby: perlLike,
  gawk: awk,
  awk,
  dos2unix,
  unix2dos: dos2unix,
  sd,
  ed: lineEditor,
  ex: lineEditor,
};

/** Tools the binutils, elfutils and LLVM families install under cross prefixes and version suffixes. */
const CROSS_NAME = /^(?:.*[-}])?(s?strip|objcopy|elfedit)$/;
const ENVIRONMENT_TOOLS: Record<string, string> = { '${STRIP}': 'strip', '${OBJCOPY}': 'objcopy', '${ELFEDIT}': 'elfedit', '${PATCHELF}': 'patchelf', '${UPX}': 'upx' };

/**
 * The table entry for a program name: `/usr/bin/strip`, `x86_64-linux-gnu-strip`, `llvm-strip-18`,
 * `${CROSS_COMPILE}objcopy`, `$STRIP`, `${STRIP:-strip}`, `eu-strip` all find their family. `wasm-strip` (WebAssembly) is not one.
 */
export function toolEntry(programName: string): Reader | undefined {
  // `${STRIP:-strip}`, `${OBJCOPY:=llvm-objcopy}`: the variable names the tool, whether it is set or not.
  const withDefault = /^(\$\{[A-Z]+):?[-=][^}]*\}$/.exec(programName);
  const environment = ENVIRONMENT_TOOLS[withDefault ? `${withDefault[1]}}` : programName];
  if (environment) return TOOLS[environment];
  const name = programName.replace(/-\d+(\.\d+)*$/, '');
  const direct = TOOLS[name];
  if (direct) return direct;
  if (name.startsWith('wasm-')) return undefined;
  const family = CROSS_NAME.exec(name)?.[1];
  return family ? TOOLS[family] : undefined;
}

/** What running `programName args…` reads and writes, when the program is in the table and writes anything. */
export function fileOperation(programName: string, args: readonly Word[]): FileOperation | undefined {
  let name = programName;
  let rest = args;
  if (name === 'zig' && text(args[0]) === 'objcopy') {
    name = 'zig objcopy';
    rest = args.slice(1);
  }
  const reader = toolEntry(name);
  if (!reader) return undefined;
  if (rest.length > 0 && rest.every((arg) => INFO_ONLY.has(text(arg)))) return undefined;
  return reader(rest, name);
}

const INFO_ONLY = new Set(['--version', '--help', '-V', '-h', '-v']);

/** Redirections as file operations: `>>` appends, `>`, `>|`, `&>` write a new file. */
export function redirectEffect(operator: string): Effect | undefined {
  if (operator === '>>' || operator === '&>>') return 'append';
  if (operator === '>' || operator === '>|' || operator === '&>') return 'replace';
  return undefined;
}
