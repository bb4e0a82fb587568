import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/core/config.js';
import { lintPaths } from '../../src/core/run.js';
import { loadRules } from '../../src/core/registry.js';
import type { ReportContext } from '../../src/reporters/reporter.js';
import { VALID_RECIPE } from '../helpers.js';

const broken = readFileSync(fileURLToPath(new URL('../../recipes-examples/broken/static.official.stable.yaml', import.meta.url)), 'utf8');

/**
 * The one set of diagnostics every format is tested on: the broken example recipe (an error and a warning), a recipe
 * without its shebang in a folder whose name needs escaping (a fixable warning), and a clean recipe. They are linted for
 * the 2025-11 builder, whose linter rejects the broken recipe's repeated top-level key (an error; later builders keep
 * the later value, a warning).
 */
export async function sharedRun() {
  const cwd = mkdtempSync(join(tmpdir(), 'fim-lint-formats-'));
  const files: Record<string, string> = {
    'a/broken.yaml': broken,
    // A complete recipe, so that its missing shebang is its only problem; its own pkg_id, as two recipes of a run may not share one.
    'b,dir:50%&<"q">/no-shebang.yaml': VALID_RECIPE.replace('#!/SBUILD ver @v1.0.0\n', '# no shebang yet\n').replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com.example.no-shebang"'),
    'c/clean.yaml': VALID_RECIPE,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), text);
  }
  const config = defaultConfig();
  config.settings.target = '2025-11';
  const run = await lintPaths(Object.keys(files).map((name) => join(cwd, name)), { keepSource: true, config });
  const context: ReportContext = { color: false, cwd, skipped: 0, rules: await loadRules() };
  return { cwd, results: run.results, context };
}

/** A report as one text, whether the reporter made it whole or in pieces. */
export function reportText(report: string | Iterable<string>): string {
  return typeof report === 'string' ? report : [...report].join('');
}
