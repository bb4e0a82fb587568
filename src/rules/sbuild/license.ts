import { isScalar } from 'yaml';
import { defineRule } from '../../core/rule.js';
import type { PathSegment, Recipe, Span } from '../../recipe/recipe.js';
import { scalarOffsets } from '../../recipe/scripts.js';
import { valueSpan } from '../../sbuild/locate.js';
import { unknownLicenses } from '../../sbuild/spdx.js';
import { licenseAdvice } from '../../sbuild/license-advice.js';

export default defineRule({
  id: 'sbuild/license',
  description: 'License ids are SPDX identifiers or the free-form names the SBUILD docs list',
  severity: 'info',
  check({ recipe, report }) {
    const licenses = recipe.fields?.license;
    if (!Array.isArray(licenses)) return;
    licenses.forEach((license: unknown, index) => {
      const isObject = license !== null && typeof license === 'object';
      const value = isObject ? (license as Record<string, unknown>).id : license;
      if (typeof value !== 'string' || value.trim() === '') return;
      const path = isObject ? ['license', index, 'id'] : ['license', index];
      for (const { term, index: start, suggestion } of unknownLicenses(value)) {
        const part = term === value.trim() ? `'${value}' is` : `'${term}' in '${value}' is`;
        const hint =
          licenseAdvice(term) ??
          (suggestion
            ? `did you mean '${suggestion}'?`
            : "use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list");
        report({
          message: `${part} not an SPDX license id nor a free-form name of the SBUILD docs: ${hint}`,
          at: term === value.trim() ? valueSpan(recipe, path) : termSpan(recipe, path, start, term.length),
        });
      }
    });
  },
});

/** Where one id of a license expression is written: the whole value when it comes through an alias or the scalar's style hides its characters' places. */
function termSpan(recipe: Recipe, path: PathSegment[], start: number, length: number): Span {
  const whole = valueSpan(recipe, path);
  const node = recipe.node(path);
  if (!isScalar(node) || typeof node.value !== 'string' || node.range?.[0] !== whole.start) return whole;
  const toFileOffset = scalarOffsets(recipe, node as typeof node & { value: string });
  return toFileOffset ? { start: toFileOffset(start), end: toFileOffset(start + length) } : whole;
}
