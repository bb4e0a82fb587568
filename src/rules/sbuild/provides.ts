import { isRecord } from '../../core/is-record.js';
import { defineRule } from '../../core/rule.js';
import type { Recipe } from '../../recipe/recipe.js';
import { stringItems } from '../../sbuild/lists.js';
import { parseProvides, providesPaths } from '../../sbuild/provides.js';
import { isDroppedByTarget } from '../../sbuild/target-fields.js';

export default defineRule({
  id: 'sbuild/provides',
  description: '`provides` entries follow the syntax `prog`, `prog:alias`, `prog==link` or `prog=>name`',
  severity: 'error',
  check({ recipe, report, settings }) {
    for (const path of providesPaths(recipe.fields)) {
      for (const { value, node } of stringItems(recipe, path)) {
        if (value === '') continue;
        const { problem } = parseProvides(value);
        if (problem) {
          report({ message: `'${value}' is not a valid provides entry: ${problem} (expected prog, prog:alias, prog==link or prog=>name)`, at: node });
        }
      }
    }
    if (isDroppedByTarget(recipe, settings.target, ['packages'])) return;
    const entries = packageEntries(recipe);
    const empty = entries.filter((name) => stringItems(recipe, ['packages', name, 'provides']).every(({ value }) => value.trim() === ''));
    if (empty.length === 0) return;
    if (empty.length === entries.length) {
      // builder-truth §4.10: with packages, the output check looks only at their provides; none means it finds nothing.
      report({ message: 'No packages entry lists a program in provides: the builder then looks for none of them and aborts the build (None of the provides exist). List each package’s programs', at: recipe.keySpan(['packages']) });
      return;
    }
    for (const name of empty) {
      report({ message: `packages.${name} lists no program in provides: the builder warns, and the package has no program of its own. List its programs or remove the entry`, at: recipe.keySpan(['packages', name]), severity: 'warning' });
    }
  },
});

/** The names of the `packages` entries that are maps (another value is the schema's to report). */
function packageEntries(recipe: Recipe): string[] {
  const packages = recipe.fields?.packages;
  if (!isRecord(packages)) return [];
  return Object.entries(packages).filter(([, entry]) => isRecord(entry)).map(([name]) => name);
}

