import { isMap, isPair, isScalar } from 'yaml';
import { defineRule } from '../../core/rule.js';
import { parseProvides, providesEntries } from '../../sbuild/provides.js';

export default defineRule({
  id: 'sbuild/description-keys',
  description: 'Per-program `description` keys name programs that `provides` (or a `packages` entry) lists',
  severity: 'warning',
  // The builder and its metadata never read per-program descriptions (one description per recipe): off by default.
  optIn: true,
  check({ recipe, report }) {
    const description = recipe.node(['description']);
    const fields = recipe.fields;
    if (!isMap(description) || !fields) return;
    const provides = providesEntries(fields);
    const parsed = provides.map(parseProvides);
    // A malformed provides entry is reported by sbuild/provides; the names it was meant to give are unknown.
    if (parsed.some((entry) => entry.problem)) return;
    const source = provides.length > 0 ? 'provides' : 'pkg';
    const programs = new Set(provides.length > 0 ? parsed.flatMap((entry) => entry.names) : [String(fields.pkg ?? '')]);
    for (const item of recipe.aliases.original(description).items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      // Through an alias, the key is reported where the alias is written.
      const keyNode = recipe.aliases.use(description) ? recipe.pair(['description', key])!.key : item.key;
      if (key === '_default' || programs.has(key)) continue;
      report({
        message:
          source === 'provides'
            ? `description has an entry for '${key}', a program that provides does not list: add it to provides or remove the entry`
            : `description has an entry for '${key}', but without provides the only program is pkg '${String(fields.pkg)}': list the programs in provides or remove the entry`,
        at: keyNode,
      });
    }
  },
});
