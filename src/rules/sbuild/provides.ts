import { defineRule } from '../../core/rule.js';
import { stringItems } from '../../sbuild/lists.js';
import { parseProvides, providesPaths } from '../../sbuild/provides.js';

export default defineRule({
  id: 'sbuild/provides',
  description: '`provides` entries follow the syntax `prog`, `prog:alias`, `prog==link` or `prog=>name`',
  severity: 'error',
  check({ recipe, report }) {
    for (const path of providesPaths(recipe.fields)) {
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
