import { defineRule } from '../../core/rule.js';
import { cite, includes } from '../../sbuild/builder-release.js';
import { sbuildSchema } from '../../sbuild/schema.js';
import { schemaProblems } from '../../sbuild/schema-problems.js';
import { isDroppedByTarget } from '../../sbuild/target-fields.js';
import { versionFields } from '../../sbuild/version-source.js';

export default defineRule({
  id: 'sbuild/implicit-type',
  description: 'Values that YAML reads as another type than written (`pkgver: 1.10`, `_disabled: "false"`)',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report, settings }) {
    const { target } = settings;
    // Before 2f1f48e the builder dropped an optional top-level scalar of another type without a message.
    const drops = !includes(target, 'typedScalars');
    for (const problem of schemaProblems(recipe)) {
      if (problem.kind !== 'implicit-type' || isDroppedByTarget(recipe, target, problem.path)) continue;
      const key = problem.path.length === 1 ? problem.path[0] : undefined;
      const fields = recipe.fields;
      if (!drops || typeof key !== 'string' || !fields || REQUIRED().has(key) || typeof fields[key] === 'string') {
        report({ message: problem.message, at: problem.at, fix: problem.fix });
        continue;
      }
      const version = versionFields(fields, target);
      let lost = '';
      if (version.keys.includes(key)) {
        // With nothing else to give a version the build fails: sbuild/unbuildable reports that, once.
        if (!version.hardCoded && !version.script) continue;
        lost = `, so the version written is lost and ${version.hardCoded ? `'${version.hardCoded}'` : 'x_exec.pkgver'} gives the version instead`;
      }
      const dropped = `, and the ${target} builder drops it without a message${lost} (it rejects it from ${cite('typedScalars')} on)`;
      const at = problem.advice === undefined ? -1 : problem.message.length - problem.advice.length - 2;
      report({
        message: at === -1 ? `${problem.message}${dropped}` : `${problem.message.slice(0, at)}${dropped}${problem.message.slice(at)}`,
        at: problem.at,
        fix: problem.fix,
        severity: 'warning',
      });
    }
  },
});

let required: Set<string> | undefined;
/** The top-level fields every release requires: a value of another type makes the builder reject the recipe. */
const REQUIRED = (): Set<string> => (required ??= new Set((sbuildSchema().required as string[] | undefined) ?? []));
