import { defineRule } from '../../core/rule.js';
import { versionFields } from '../../sbuild/version-source.js';

export default defineRule({
  id: 'sbuild/pkgver-conflict',
  description: 'A top-level `pkgver` (or `version`) makes `x_exec.pkgver` ignored',
  severity: 'warning',
  check({ recipe, report, settings }) {
    const script = recipe.pair(['x_exec', 'pkgver']);
    const fields = recipe.fields;
    if (!script || !fields) return;
    // Only the keys the target builder reads as the version: before 6c7c7cb it drops `version` as unknown.
    const { keys, mistyped } = versionFields(fields, settings.target);
    for (const field of keys) {
      const value = fields[field];
      // An empty top-level version is dropped by the builder, which then runs x_exec.pkgver.
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
      // So is one of another type before 2f1f48e (sbuild/implicit-type reports it); from then on it is rejected.
      if (typeof value !== 'string' && mistyped?.dropped) continue;
      report({
        message: `x_exec.pkgver is ignored because the top-level '${field}' fixes the version: remove one of them`,
        at: script.key,
        related: [{ at: recipe.keySpan([field]), message: `the top-level '${field}'` }],
      });
      return;
    }
  },
});
