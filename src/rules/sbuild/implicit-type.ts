import { defineRule } from '../../core/rule.js';
import { schemaProblems } from '../../sbuild/schema-problems.js';

export default defineRule({
  id: 'sbuild/implicit-type',
  description: 'Values that YAML reads as another type than written (`pkgver: 1.10`, `_disabled: "false"`)',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report }) {
    for (const problem of schemaProblems(recipe)) {
      if (problem.kind === 'implicit-type') report({ message: problem.message, at: problem.at, fix: problem.fix });
    }
  },
});
