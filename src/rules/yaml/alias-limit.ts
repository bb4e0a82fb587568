import { MAX_ALIAS_COUNT } from '../../recipe/recipe.js';
import { defineRule } from '../../core/rule.js';

export default defineRule({
  id: 'yaml/alias-limit',
  description: 'YAML aliases must not expand into an excessive number of nodes (alias bombs)',
  severity: 'error',
  check({ recipe, report }) {
    if (recipe.dataError === undefined || recipe.dataError === 'syntax') return;
    report({
      message: `The recipe could not be read: ${recipe.dataError.replace(/\.$/, '')} (aliases may expand to at most ${MAX_ALIAS_COUNT} nodes); no other check ran`,
      at: recipe.documentSpan(),
    });
  },
});
