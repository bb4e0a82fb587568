import { defineRule } from '../../core/rule.js';
import { schemaProblems } from '../../sbuild/schema-problems.js';

export default defineRule({
  id: 'sbuild/schema',
  description: 'The recipe matches the SBUILD JSON Schema: required fields, value types, allowed values',
  severity: 'error',
  check({ recipe, report }) {
    for (const problem of schemaProblems(recipe)) {
      if (problem.kind === 'schema') report({ message: problem.message, at: problem.at });
    }
  },
});
