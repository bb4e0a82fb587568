import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const rulesDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const NAMESPACES = ['yaml', 'sbuild', 'flatimage', 'shell'] as const;

/** A rule's file: `src/rules/<namespace>/<name>.ts` holds the rule `<namespace>/<name>`. */
export interface RuleFile {
  id: string;
  path: string;
}

/** Every rule file, namespace by namespace and by name within one: the order in which rules run. */
export function ruleFiles(): RuleFile[] {
  return NAMESPACES.flatMap((namespace) => {
    const directory = join(rulesDirectory, namespace);
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      return [];
    }
    return names
      .filter(isRuleModule)
      .sort()
      .map((name) => ({ id: `${namespace}/${name.replace(/\.(ts|js)$/, '')}`, path: join(directory, name) }));
  });
}

/**
 * Every rule module with its file, imported from the rule folders. The CLI bundle (scripts/bundle.ts) puts in place of
 * this module one that imports the same files statically, listed by `ruleFiles` when the bundle is built.
 */
export async function ruleModules(): Promise<{ file: RuleFile; module: unknown }[]> {
  const files = ruleFiles();
  const modules = await Promise.all(files.map((file) => import(pathToFileURL(file.path).href) as Promise<unknown>));
  return files.map((file, index) => ({ file, module: modules[index] }));
}

function isRuleModule(name: string): boolean {
  return /\.(js|ts)$/.test(name) && !/\.(d|test)\.ts$/.test(name) && !name.startsWith('_');
}
