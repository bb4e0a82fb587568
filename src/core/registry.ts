import type { Rule } from './rule.js';
import { ruleModules } from './rule-modules.js';

let loaded: Promise<Rule[]> | undefined;

/**
 * Every rule of fim-lint: each file `src/rules/<namespace>/<name>.ts` default-exports one rule whose id is
 * `<namespace>/<name>`. Adding a rule is adding a file; nothing here lists them.
 */
export function loadRules(): Promise<Rule[]> {
  loaded ??= checkedRules();
  return loaded;
}

async function checkedRules(): Promise<Rule[]> {
  return (await ruleModules()).map(({ file, module }) => {
    const rule = (module as { default?: Rule }).default;
    if (!rule || rule.id !== file.id) throw new Error(`${file.path} must default-export a rule with id '${file.id}'`);
    return rule;
  });
}
