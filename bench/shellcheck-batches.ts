import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Recipe } from '../src/recipe/recipe.js';
import { embeddedScripts } from '../src/recipe/scripts.js';
import { scriptDialect } from '../src/shell/dialect.js';
import { builderVariables, withBuilderVariables } from '../src/shellcheck/variables.js';

/** The batch size limit of src/shellcheck/service.ts. */
const MAX_BATCH = 200;

export interface ShellCheckBatch {
  shell: string;
  files: string[];
}

/**
 * Writes into `work` every script fim-lint hands ShellCheck for `files`, as it hands them (with the builder's
 * variables declared), each distinct script once as fim-lint checks it; returns them in batches as fim-lint makes them
 * on a run: up to 200 scripts of one dialect per process, split so that every core has a share.
 */
export function writeShellCheckBatches(files: readonly string[], work: string): { scripts: number; batches: ShellCheckBatch[] } {
  const byShell = new Map<string, string[]>();
  const seen = new Set<string>();
  let scripts = 0;
  for (const path of files) {
    for (const script of embeddedScripts(new Recipe(path, readFileSync(path, 'utf8')))) {
      const dialect = scriptDialect(script.shell);
      if (!dialect.checked) continue;
      scripts++;
      const input = withBuilderVariables(script.text, builderVariables(script.field));
      if (seen.has(`${dialect.shell}\0${input}`)) continue;
      seen.add(`${dialect.shell}\0${input}`);
      const file = join(work, `${seen.size}.sh`);
      writeFileSync(file, input);
      byShell.set(dialect.shell, [...(byShell.get(dialect.shell) ?? []), file]);
    }
  }
  const batches: ShellCheckBatch[] = [];
  for (const [shell, ofShell] of byShell) {
    const size = Math.min(MAX_BATCH, Math.ceil(ofShell.length / availableParallelism()));
    for (let start = 0; start < ofShell.length; start += size) batches.push({ shell, files: ofShell.slice(start, start + size) });
  }
  return { scripts, batches };
}

/** ShellCheck's arguments for a batch: those of src/shellcheck/runner.ts. */
export const shellcheckArgs = (batch: ShellCheckBatch) => ['--norc', '--format=json1', `--shell=${batch.shell}`, '--', ...batch.files];
