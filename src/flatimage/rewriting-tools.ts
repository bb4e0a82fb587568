import type { Invocation } from '../shell/wrappers.js';
import { programName } from '../shell/wrappers.js';
import { EFFECTS, fileOperation, type FileOperation, type FileWrite } from './file-operations.js';

/** A program that rewrites, truncates or appends to the files it is given. */
export interface RewritingUse {
  /** The tool as the message names it: `strip`, `install -s`, `tee -a`, … */
  tool: string;
  /** The files it damages, each with what it does to them, for the message. */
  writes: (FileWrite & { description: string })[];
  operation: FileOperation;
}

/** The names of the tools that rewrite whatever they are given. Case counts; the tool variables are upper case. */
const TOOL_HINT = new RegExp(
  [
    'strip|objcopy|upx|patchelf|elfedit|elf-cleaner|elfcompress|truncate|fallocate|chrpath|execstack|paxctl|scanelf|prelink|dwz|gzexe|dos2unix|unix2dos|>>|<>',
    'STRIP|OBJCOPY|ELFEDIT|PATCHELF|UPX',
    '\\binplace\\b',
    // `exec 3> FILE`, `exec {fd}> FILE`, `cmd 2> FILE` empty the file; `2>/dev/null` and `2>&1`, in most scripts, do not.
    '(?:\\d|\\})>\\|?(?![>&])(?![ \\t]*/dev/null\\b)',
    '\\b(sd|ed|ex)\\s',
    // `script … FILE` writes its log into FILE; the word alone is in most scripts' text.
    '(?:^|[^\\w./-])script[ \\t]+[^\\s#]',
  ].join('|'),
);

/**
 * Tools that only write with some option: the tool and the option on one line. Tested apart, each in one pass: as one
 * pattern (`sed[^\n]*\s-i`) a line of a hundred thousand `sed` took time growing with its square (40 s for 400 KB).
 */
const TOOLS_WITH_OPTION: [tool: RegExp, option: RegExp][] = [
  [/\b(sed|perl|ruby)\b/, /\s(-[A-Za-z]*i|--in-place)/],
  [/\b(tee|sponge)\b/, /\s-(-append|[A-Za-z]*a)/],
  [/\bdd\b/, /\bof=/],
  [/\binstall\b/, /\s-(-strip|[A-Za-z]*s)/],
  [/\bxxd\b/, /\s-(r|revert|rp|pr)\b/],
];

/**
 * Whether a script names a tool that may rewrite the image, read in its `plainText` (quotes and backslashes removed, as
 * the shell removes them from command names: `st""rip`, `\strip`): one that does not cannot, and need not be walked for
 * this rule.
 */
export function mayRewrite(plain: string): boolean {
  if (TOOL_HINT.test(plain)) return true;
  const named = TOOLS_WITH_OPTION.filter(([tool]) => tool.test(plain));
  return named.length > 0 && plain.split('\n').some((line) => named.some(([tool, option]) => tool.test(line) && option.test(line)));
}

/** The files an invocation damages, or undefined when it damages none (or only reads, or asks for help or a version). */
export function rewritingUse(invocation: Invocation): RewritingUse | undefined {
  const operation = fileOperation(programName(invocation.name), invocation.args);
  if (!operation) return undefined;
  const writes = operation.writes.flatMap((write) => (write.effect === 'replace' ? [] : [{ ...write, description: EFFECTS[write.effect] }]));
  return writes.length > 0 ? { tool: operation.tool, writes, operation } : undefined;
}

