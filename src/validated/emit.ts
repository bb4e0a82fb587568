import type { Config } from '../core/config.js';
import { hasApplicableFix, type FileResult } from '../core/diagnostic.js';
import { describe, lintText } from '../core/lint.js';
import { loadRules } from '../core/registry.js';
import { linkOnTheWay } from '../files/links.js';
import { writeFileAtomic } from '../fix/write.js';
import { buildValidated } from './validated.js';

export interface EmitOptions {
  /** The name of a recipe read from standard input, which has no place for a `.validated` file. */
  stdinPath?: string;
  /** The paths of the command line, which bound the tree that may be written. */
  roots?: readonly string[];
  /** Also apply the unsafe fixes (`--unsafe-fixes`). */
  unsafeFixes?: boolean;
}

/**
 * Writes `<path>.validated` next to every linted recipe without errors (the results must keep their source). Returns
 * the problems and the notices, one line each. A recipe that is a symbolic link or is reached through one gets no
 * `.validated` file (a notice says so), and an existing `.validated` link is never followed nor replaced.
 */
export async function emitValidated(
  results: readonly FileResult[],
  configFor: (path: string) => Promise<Config>,
  { stdinPath, roots = ['.'], unsafeFixes = false }: EmitOptions = {},
): Promise<{ problems: string[]; notices: string[] }> {
  const rules = await loadRules();
  const problems: string[] = [];
  const notices: string[] = [];
  for (const result of results) {
    if (result.source === undefined || result.path === stdinPath) continue;
    if (result.diagnostics.some((d) => d.severity === 'error')) continue;
    const fixable = result.diagnostics.some((d) => hasApplicableFix(d, unsafeFixes));
    const config = fixable ? await configFor(result.path) : undefined;
    const relint = config ? (text: string) => lintText(result.path, text, { config, rules }) : undefined;
    const built = await buildValidated(result.source, relint, { unsafeFixes });
    const target = `${result.path}.validated`;
    const link = await linkOnTheWay(result.path, roots);
    if (link !== undefined) {
      const why = link === result.path ? 'the recipe is a symbolic link' : `the recipe is reached through the symbolic link ${link}`;
      notices.push(`${target} was not written: ${why}`);
      continue;
    }
    if (!built.ok) {
      problems.push(`cannot write ${target}: ${built.reason}`);
      continue;
    }
    try {
      await writeFileAtomic(target, new TextEncoder().encode(built.text));
    } catch (error) {
      problems.push(`cannot write ${target}: ${describe(error)}`);
    }
  }
  return { problems, notices };
}
