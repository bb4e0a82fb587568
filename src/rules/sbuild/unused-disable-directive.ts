import { defineRule } from '../../core/rule.js';

/** Reported by the suppression engine (`src/core/suppressions.ts`) once every other rule has run. */
export default defineRule({
  id: 'sbuild/unused-disable-directive',
  description: 'A fim-lint-disable comment must suppress a problem (opt-in: --report-unused-disable-directives)',
  severity: 'error',
  optIn: true,
  fixable: 'safe',
  runsOnBrokenYaml: true,
  check() {},
});
