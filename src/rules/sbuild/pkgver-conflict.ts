import { defineRule } from '../../core/rule.js';

export default defineRule({
  id: 'sbuild/pkgver-conflict',
  description: 'A top-level `pkgver` (or `version`) makes `x_exec.pkgver` ignored',
  severity: 'warning',
  check({ recipe, report }) {
    const script = recipe.pair(['x_exec', 'pkgver']);
    if (!script) return;
    for (const field of ['pkgver', 'version']) {
      const value = recipe.fields?.[field];
      // An empty top-level version is dropped by the builder, which then runs x_exec.pkgver.
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
      report({
        message: `x_exec.pkgver is ignored because the top-level '${field}' fixes the version: remove one of them`,
        at: script.key,
        related: [{ at: recipe.keySpan([field]), message: `the top-level '${field}'` }],
      });
      return;
    }
  },
});
