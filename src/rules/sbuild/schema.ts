import { defineRule } from '../../core/rule.js';
import { schemaProblems } from '../../sbuild/schema-problems.js';
import { isDroppedByTarget, targetFieldProblems } from '../../sbuild/target-fields.js';

export default defineRule({
  id: 'sbuild/schema',
  description: 'The recipe matches the SBUILD JSON Schema: required fields, value types, allowed values',
  severity: 'error',
  check({ recipe, report, settings }) {
    const problems = schemaProblems(recipe);
    for (const problem of problems) {
      if (problem.kind === 'schema' && !isDroppedByTarget(recipe, settings.target, problem.path)) report({ message: problem.message, at: problem.at, severity: problem.severity });
    }
    // A value that is wrong in every release is reported once, by the schema.
    const wrong = new Set(problems.map((problem) => JSON.stringify(problem.path)));
    for (const problem of targetFieldProblems(recipe, settings.target)) {
      if (problem.kind !== 'dropped' && !wrong.has(JSON.stringify(problem.path))) report({ message: problem.message, at: problem.at });
    }
  },
});
