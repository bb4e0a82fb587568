import type { Place } from '../../core/diagnostic.js';
import { defineRule } from '../../core/rule.js';
import { valueSpan } from '../../sbuild/locate.js';

interface PkgIdPlace {
  pkgId: string;
  /** Where the value comes from when pkg_id is an alias. */
  aliasNote: string;
  place: Place;
}

/**
 * How many other files a finding names, in its message and as related places, before it only counts them. A pkg_id
 * shared by n files gives each of them n − 1 others: on ten copies of the corpus, where retired recipes share ids in
 * groups of up to 120, a related place for every one of them took the run from 240 MB to 620 MB at its peak.
 */
const NAMED_FILES = 3;

export default defineRule<PkgIdPlace>({
  id: 'sbuild/duplicate-pkg-id',
  description: 'No two recipes of a run share a `pkg_id`',
  severity: 'error',
  check() {},
  collect({ recipe }) {
    // A disabled recipe, or one retired by pkgforge's `.disabled` file suffix, is not built: its id is free for reuse.
    if (recipe.fields?._disabled === true || recipe.path.endsWith('.disabled')) return undefined;
    const pkgId = recipe.fields?.pkg_id;
    if (typeof pkgId !== 'string' || pkgId.trim() === '') return undefined;
    const span = valueSpan(recipe, ['pkg_id']);
    return { pkgId, aliasNote: recipe.aliasNote(undefined, span.start), place: recipe.place(span) };
  },
  checkProject({ entries, report }) {
    const byId = new Map<string, { path: string; data: PkgIdPlace }[]>();
    for (const entry of entries) {
      const sharing = byId.get(entry.data.pkgId);
      if (sharing) sharing.push(entry);
      else byId.set(entry.data.pkgId, [entry]);
    }
    for (const [pkgId, sharing] of byId) {
      if (sharing.length < 2) continue;
      // One related place per recipe of the group, shared by the diagnostics of the others.
      const here = `pkg_id '${pkgId}' is also used here`;
      const places = new Map(sharing.map((entry) => [entry, { ...entry.data.place, path: entry.path, message: here }]));
      for (const { path, data } of sharing) {
        const others = sharing.filter((other) => other.path !== path);
        const paths = others.map((other) => other.path);
        const named = paths.slice(0, NAMED_FILES).join(', ') + (paths.length > NAMED_FILES ? ` and ${paths.length - NAMED_FILES} more` : '');
        report(path, {
          message: `pkg_id '${pkgId}' is also used by ${named}: a pkg_id identifies one recipe and is never shared${data.aliasNote ?? ''}`,
          place: data.place,
          related: others.slice(0, NAMED_FILES).map((other) => places.get(other)!),
        });
      }
    }
  },
});
