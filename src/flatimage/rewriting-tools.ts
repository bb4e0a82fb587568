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

/**
 * A script that contains none of these cannot rewrite the image, so it need not be walked for this rule. Lines a
 * backslash continues are joined, then quotes and backslashes are removed, as the shell removes them from command
 * names (`st""rip`, `\strip`). Case counts, as it does for program names; the tool variables are upper case.
 */
const HINT = new RegExp(
  [
    'strip|objcopy|upx|patchelf|elfedit|elf-cleaner|elfcompress|truncate|fallocate|chrpath|execstack|paxctl|scanelf|prelink|dwz|gzexe|dos2unix|unix2dos|>>',
    'STRIP|OBJCOPY|ELFEDIT|PATCHELF|UPX',
    // Tools that only write with some option: the option must be there too.
    '\\b(sed|perl|ruby)\\b[^\\n]*\\s(-[A-Za-z]*i|--in-place)',
    '\\binplace\\b',
    '\\b(tee|sponge)\\b[^\\n]*\\s-(-append|[A-Za-z]*a)',
    '\\bdd\\b[^\\n]*\\bof=',
    '\\b(sd|ed|ex)\\s',
    '\\binstall\\b[^\\n]*\\s-(-strip|[A-Za-z]*s)',
  ].join('|'),
);

export function mayRewrite(script: string): boolean {
  return HINT.test(script.replace(/\\\n/g, ' ').replace(/["'\\]/g, ''));
}

/** The files an invocation damages, or undefined when it damages none (or only reads, or asks for help or a version). */
export function rewritingUse(invocation: Invocation): RewritingUse | undefined {
  const operation = fileOperation(programName(invocation.name), invocation.args);
  if (!operation) return undefined;
  const writes = operation.writes.flatMap((write) => (write.effect === 'replace' ? [] : [{ ...write, description: EFFECTS[write.effect] }]));
  return writes.length > 0 ? { tool: operation.tool, writes, operation } : undefined;
}

