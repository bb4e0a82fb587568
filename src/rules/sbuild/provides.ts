import { defineRule } from '../../core/rule.js';
import { stringItems } from '../../sbuild/lists.js';
import { parseProvides } from '../../sbuild/provides.js';

export default defineRule({
  id: 'sbuild/provides',
  description: '`provides` entries follow the syntax `prog`, `prog:alias`, `prog==link` or `prog=>name`',
  severity: 'error',
  check({ recipe, report }) {
    const lists = [['provides'], ...Object.keys(packagesOf(recipe.fields)).map((name) => ['packages', name, 'provides'])];
    for (const path of lists) {
      for (const { value, node } of stringItems(recipe, path)) {
        if (value === '') continue;
        const { problem } = parseProvides(value);
        if (problem) {
          report({ message: `'${value}' is not a valid provides entry: ${problem} (expected prog, prog:alias, prog==link or prog=>name)`, at: node });
        }
      }
    }
  },
});

function packagesOf(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const packages = fields?.packages;
  return packages && typeof packages === 'object' && !Array.isArray(packages) ? (packages as Record<string, unknown>) : {};
}
