import { defineRule } from '../../core/rule.js';
import { cite, includes } from '../../sbuild/builder-release.js';
import { firstKeyOf, repeatsTopLevelKey } from '../../recipe/duplicate-keys.js';
import { followsFromSyntaxCause } from '../../recipe/syntax-diagnosis.js';

export default defineRule({
  id: 'yaml/duplicate-key',
  description: 'A key may appear only once in a mapping (the builder keeps the later value)',
  severity: 'warning',
  runsOnBrokenYaml: true,
  check({ recipe, report, settings }) {
    // Since 2f1f48e the builder reads recipes with saphyr, which keeps the later value of a repeated key in every
    // mapping, silently; before, its serde-based linter rejected a repeated top-level key ('<key>' field is duplicated).
    const keepsLater = includes(settings.target, 'saphyrLoader');
    for (const error of recipe.document?.errors ?? []) {
      if (error.code !== 'DUPLICATE_KEY') continue;
      // Shell lines that a broken block turned into keys, or the keys of a pasted recipe: yaml/syntax names the cause.
      if (followsFromSyntaxCause(recipe, error.pos[0])) continue;
      const first = firstKeyOf(error);
      const key = /^(?:"[^"]*"|'[^']*'|[^\s:]+)/.exec(recipe.text.slice(error.pos[0]))?.[0] ?? '';
      const named = key ? `'${key}'` : '';
      const rejected = !keepsLater && repeatsTopLevelKey(error);
      const why = keepsLater
        ? 'the builder keeps the later value and silently drops the earlier one'
        : rejected
          ? `the ${settings.target} builder's linter rejects a repeated top-level key (builders from ${cite('saphyrLoader')} on keep the later value)`
          : 'one of the values is lost';
      report({
        message: `Duplicate key ${named}: ${why}; remove or rename the repeated key`.replace('  ', ' '),
        at: { start: error.pos[0], end: error.pos[0] + key.length },
        ...(rejected ? { severity: 'error' as const } : {}),
        ...(first ? { related: [{ at: first, message: `the first ${named || 'key'}` }] } : {}),
      });
    }
  },
});
