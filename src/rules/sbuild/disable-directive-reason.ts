import { defineRule } from '../../core/rule.js';

/** Judges the suppression comments once every other rule of the file has run (see `checkDirectives`). */
export default defineRule({
  id: 'sbuild/disable-directive-reason',
  description: "A fim-lint-disable comment must give its reason after ' -- ' (opt-in)",
  severity: 'error',
  optIn: true,
  runsOnBrokenYaml: true,
  checkDirectives({ directives, report }) {
    for (const directive of directives) {
      if (directive.kind === 'enable' || directive.reason !== undefined) continue;
      const name = `fim-lint-${directive.kind}`;
      report({
        message: `This ${name} comment gives no reason: add one after ' -- ', e.g. '# ${name} ${directive.ruleIds.join(', ') || '<rule-id>'} -- <why>'`,
        at: directive.comment,
      });
    }
  },
});
