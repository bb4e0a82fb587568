import { defineRule } from '../../core/rule.js';
import { replaceScalarText } from '../../sbuild/edit.js';
import { stringItems } from '../../sbuild/lists.js';
import { didYouMean, nearMisses } from '../../text/near-miss.js';
import { alternatives, annotation, fieldName, schemaAt } from '../../sbuild/schema.js';
import type { Recipe } from '../../recipe/recipe.js';

const FIELDS = ['arch', 'os', 'host'] as const;

export default defineRule({
  id: 'sbuild/host',
  description: '`x_exec.arch`, `x_exec.os` and `x_exec.host` entries are supported values (compared case-insensitively)',
  severity: 'error',
  fixable: 'safe',
  options: {
    requireLowercase: { description: 'Also report entries that are not lowercase (as warnings), with a fix that lowercases them.', type: 'boolean', default: false },
  },
  check({ recipe, report, options }) {
    const requireLowercase = options.requireLowercase === true;
    for (const field of FIELDS) {
      const path = ['x_exec', field];
      const allowed = allowedValues(recipe, path);
      if (!allowed) continue;
      const name = fieldName(path);
      for (const { value, node } of stringItems(recipe, path)) {
        const lower = value.toLowerCase();
        if (value === '') continue;
        if (allowed.includes(lower)) {
          if (requireLowercase && value !== lower) {
            report({ message: `'${value}' in ${name} is not lowercase: the builder lowercases it, write '${lower}'`, at: node, severity: 'warning', fix: replaceScalarText(node, lower) });
          }
          continue;
        }
        report({ message: `'${value}' is not a valid ${name}: ${expectation(field, allowed, value)}`, at: node });
      }
    }
  },
});

/** The allowed values of a list's items, from the schema's `x-enum-ci`. */
function allowedValues(recipe: Recipe, path: string[]): string[] | undefined {
  const item = schemaAt(recipe.data, [...path, 0]);
  return item && annotation<string[]>({ schemas: alternatives(item) }, 'x-enum-ci')?.map((value) => value.toLowerCase());
}

function expectation(field: (typeof FIELDS)[number], allowed: string[], value: string): string {
  const suggestion = didYouMean(nearMisses(value, allowed));
  const hint = suggestion ? ` (${suggestion})` : '';
  if (field !== 'host') return `expected one of ${allowed.join(', ')}${hint}`;
  const arches = [...new Set(allowed.map((host) => host.split('-')[0]!))];
  const systems = [...new Set(allowed.map((host) => host.split('-').slice(1).join('-')))];
  return `expected <arch>-<os> with arch one of ${arches.join(', ')} and os one of ${systems.join(', ')}${hint}`;
}
