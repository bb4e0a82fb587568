import { MAX_ALIAS_COUNT, nodeSpan } from '../../recipe/recipe.js';
import { stoppingAlias } from '../../recipe/alias-limit.js';
import { ALIAS_NOTE } from '../../recipe/aliases.js';
import { defineRule } from '../../core/rule.js';

export default defineRule({
  id: 'yaml/alias-limit',
  description: 'YAML aliases must not expand into an excessive number of nodes (alias bombs)',
  severity: 'error',
  check({ recipe, report }) {
    if (recipe.dataError === undefined || recipe.dataError === 'syntax') return;
    const stopped = recipe.document && stoppingAlias(recipe.document, (alias) => recipe.aliases.target(alias), MAX_ALIAS_COUNT);
    if (!stopped) {
      report({ message: `The recipe could not be read: ${recipe.dataError.replace(/\.$/, '')}; no other check ran`, at: recipe.documentSpan() });
      return;
    }
    const name = stopped.alias.source;
    report({
      message:
        stopped.reason === 'limit'
          ? `The recipe could not be read: at alias *${name}, aliases expand to more than ${MAX_ALIAS_COUNT} nodes, the limit that stops alias bombs; no other check ran`
          : `The recipe could not be read: alias *${name} has no anchor before it (write &${name} on the value it repeats, before the alias); no other check ran`,
      // The message names the alias: no note about the value it stands for, which was never read.
      at: Object.assign(nodeSpan(stopped.alias), { [ALIAS_NOTE]: '' }),
    });
  },
});
