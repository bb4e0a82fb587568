import type { Config } from '../core/config.js';
import type { FileResult } from '../core/diagnostic.js';
import { describe, lintText } from '../core/lint.js';
import { loadRules } from '../core/registry.js';
import { writeFileAtomic } from '../fix/write.js';
import { buildValidated } from './validated.js';

/**
 * Writes `<path>.validated` next to every linted recipe without errors (the results must keep their source). Returns
 * the problems, one line each. A recipe read from standard input (`stdinPath`) has no place for one.
 */
export async function emitValidated(results: readonly FileResult[], config: Config, stdinPath?: string): Promise<string[]> {
  const rules = await loadRules();
  const problems: string[] = [];
  for (const result of results) {
    if (result.source === undefined || result.path === stdinPath) continue;
    if (result.diagnostics.some((d) => d.severity === 'error')) continue;
    const fixable = result.diagnostics.some((d) => d.fix);
    const relint = fixable ? (text: string) => lintText(result.path, text, { config, rules }) : undefined;
    const built = await buildValidated(result.source, relint);
    const target = `${result.path}.validated`;
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
  return problems;
}
