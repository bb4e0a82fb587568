import { defineRule } from '../../core/rule.js';
import { VERSION_NAMES, type FimVersion } from '../../flatimage/fim-commands.js';
import { checkFimCall, type VersionedForm } from '../../flatimage/fim-invocation.js';
import { isImageInvocation } from '../../flatimage/recipe-kind.js';
import { runCommands, runScriptMentions } from '../../shell/commands.js';

export default defineRule({
  id: 'flatimage/fim-command',
  description: 'fim-* commands given to a FlatImage exist, take valid operations and permissions, and fit one FlatImage version',
  severity: 'error',
  options: {
    version: {
      description: 'The FlatImage version every call is checked against: `0`, `1` or `2`; `"auto"` lets the first version-specific form of each script decide.',
      enum: ['auto', 0, 1, 2],
      default: 'auto',
    },
  },
  async check({ recipe, options, report }) {
    const pinned = pinnedVersion(options.version);
    if (!runScriptMentions(recipe, /fim-/)) return;
    for (const { script, commands } of await runCommands(recipe)) {
      const at = (span: { start: number; end: number }) => script.toFileSpan(span.start, span.end);
      let decided: VersionedForm | undefined;
      for (const command of commands.filter(isImageInvocation)) {
        const call = checkFimCall(command);
        for (const problem of call.problems) report({ message: problem.message, at: at(problem) });
        for (const form of call.forms) {
          const version = pinned ?? decided?.versions[0];
          if (form.versions.includes('v0') && !form.versions.includes('v1') && pinned !== 'v0') {
            report({ message: `${form.form} is a FlatImage v0.x command, removed in v1.0.0${insteadOf(form, 'v1')}`, at: at(form) });
            continue;
          }
          if (!version) {
            if (form.versions.length === 1) decided = form;
            continue;
          }
          if (form.versions.includes(version)) continue;
          const why = pinned ? `the configured FlatImage version is ${VERSION_NAMES[pinned]}` : `this script already uses ${VERSION_NAMES[version]} syntax (${decided!.form})`;
          report({
            message: `${form.form} is FlatImage ${form.versions.map((v) => VERSION_NAMES[v]).join('/')} syntax, but ${why}${insteadOf(form, version)}`,
            at: at(form),
            ...(pinned ? {} : { related: [{ at: at(decided!), message: `${decided!.form}: ${VERSION_NAMES[version]} syntax` }] }),
          });
        }
      }
    }
  },
});

function insteadOf(form: VersionedForm, version: FimVersion): string {
  const instead = form.instead?.[version];
  return instead ? `; in ${VERSION_NAMES[version]} write '${instead}'` : '';
}

/** The `version` option (validated with the configuration): a FlatImage major version, or `"auto"`. */
function pinnedVersion(value: unknown): FimVersion | undefined {
  return value === 0 ? 'v0' : value === 1 ? 'v1' : value === 2 ? 'v2' : undefined;
}
