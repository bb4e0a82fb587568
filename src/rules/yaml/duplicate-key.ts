import { defineRule } from '../../core/rule.js';
import { firstKeyOf } from '../../recipe/duplicate-keys.js';
import { followsFromSyntaxCause } from '../../recipe/syntax-diagnosis.js';

export default defineRule({
  id: 'yaml/duplicate-key',
  description: 'A key may appear only once in a mapping',
  severity: 'error',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    for (const error of recipe.document?.errors ?? []) {
      if (error.code !== 'DUPLICATE_KEY') continue;
      // Shell lines that a broken block turned into keys, or the keys of a pasted recipe: yaml/syntax names the cause.
      if (followsFromSyntaxCause(recipe, error.pos[0])) continue;
      const first = firstKeyOf(error);
      const key = /^(?:"[^"]*"|'[^']*'|[^\s:]+)/.exec(recipe.text.slice(error.pos[0]))?.[0] ?? '';
      report({
        message: `Duplicate key ${key ? `'${key}'` : ''}: YAML keeps only one of the values; remove or rename the repeated key`.replace('  ', ' '),
        at: { start: error.pos[0], end: error.pos[0] + key.length },
        ...(first ? { related: [{ at: first, message: `the first ${key ? `'${key}'` : 'key'}` }] } : {}),
      });
    }
  },
});
