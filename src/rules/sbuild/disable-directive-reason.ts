import { defineRule } from '../../core/rule.js';

/** Reported by the suppression engine (`src/core/suppressions.ts`) once every other rule has run. */
export default defineRule({
  id: 'sbuild/disable-directive-reason',
  description: "A fim-lint-disable comment must give its reason after ' -- ' (opt-in)",
  severity: 'error',
  optIn: true,
  runsOnBrokenYaml: true,
  check() {},
});
