import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from './rule.js';

const rulesDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const NAMESPACES = ['yaml', 'sbuild', 'flatimage', 'shell'] as const;

let loaded: Promise<Rule[]> | undefined;

/**
 * Every rule of fim-lint: each file `src/rules/<namespace>/<name>.ts` default-exports one rule whose id is
 * `<namespace>/<name>`. Adding a rule is adding a file; nothing here lists them.
 */
export function loadRules(): Promise<Rule[]> {
  loaded ??= discoverRules();
  return loaded;
}

async function discoverRules(): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const namespace of NAMESPACES) {
    const directory = join(rulesDirectory, namespace);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch {
      continue;
    }
    const modules = names.filter(isRuleModule).sort();
    const imported = await Promise.all(modules.map((name) => import(pathToFileURL(join(directory, name)).href)));
    imported.forEach((module, index) => {
      const rule = (module as { default?: Rule }).default;
      const expectedId = `${namespace}/${modules[index]!.replace(/\.(ts|js)$/, '')}`;
      if (!rule || rule.id !== expectedId) {
        throw new Error(`${join(directory, modules[index]!)} must default-export a rule with id '${expectedId}'`);
      }
      rules.push(rule);
    });
  }
  return rules;
}

function isRuleModule(name: string): boolean {
  return /\.(js|ts)$/.test(name) && !/\.(d|test)\.ts$/.test(name) && !name.startsWith('_');
}
