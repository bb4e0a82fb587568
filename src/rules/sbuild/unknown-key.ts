import { defineRule } from '../../core/rule.js';
import { replaceScalarText } from '../../sbuild/edit.js';
import { didYouMean } from '../../text/near-miss.js';
import { fieldName } from '../../sbuild/schema.js';
import { unknownKeys } from '../../sbuild/unknown-keys.js';
import { isDroppedByTarget, targetFieldProblems } from '../../sbuild/target-fields.js';

export default defineRule({
  id: 'sbuild/unknown-key',
  description: 'Keys the SBUILD schema does not define (typos such as `pkg_tpye`)',
  severity: 'warning',
  fixable: 'unsafe',
  check({ recipe, report, settings }) {
    for (const problem of targetFieldProblems(recipe, settings.target)) {
      if (problem.kind === 'dropped') report({ message: problem.message, at: problem.at });
    }
    for (const { parent, key, known, suggestions, rename, missingRequired } of unknownKeys(recipe)) {
      if (isDroppedByTarget(recipe, settings.target, parent)) continue;
      const where = parent.length === 0 ? '' : ` in ${fieldName(parent)}`;
      const hint =
        key === '<<'
          ? "the builder's YAML parser has no merge keys, so the mapping is not merged in: write its keys here"
          : didYouMean(suggestions) || (parent.length === 0 ? 'SBUILD does not define it' : `${fieldName(parent)} takes ${known.join(', ')}`);
      const keyNode = recipe.pair([...parent, key])?.key;
      report({
        message: missingRequired
          ? `Unknown key '${key}'${where}: ${hint} The required field '${rename}' is missing`
          : `Unknown key '${key}'${where}, which the builder ignores: ${hint}`,
        at: keyNode ?? recipe.keySpan([...parent, key]),
        // Standing in for a missing required field makes this an error, as the missing field would be.
        severity: missingRequired ? 'error' : undefined,
        fix: rename && key !== '<<' ? replaceScalarText(keyNode, rename) : undefined,
      });
    }
  },
});
