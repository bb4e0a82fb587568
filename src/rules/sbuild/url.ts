import { defineRule } from '../../core/rule.js';
import type { Recipe } from '../../recipe/recipe.js';
import { cite, includes } from '../../sbuild/builder-release.js';
import { valueSpan } from '../../sbuild/locate.js';
import { fieldName, formattedStrings } from '../../sbuild/schema.js';
import { isDroppedByTarget } from '../../sbuild/target-fields.js';
import { urlProblem, type UrlProblem } from '../../sbuild/url.js';
import { INHERITED_VARIABLES } from '../../sbuild/exported-variables.js';
import { builderVariables } from '../../shellcheck/variables.js';

export default defineRule({
  id: 'sbuild/url',
  description: 'URL fields (`src_url`, `homepage`, `icon.url`, …) hold valid http, https or ftp URLs',
  severity: 'error',
  check({ recipe, report, settings }) {
    const expands = includes(settings.target, 'buildAssetVariables');
    for (const { path, value, format } of formattedStrings(recipe, ['url', 'url-template'])) {
      if (isDroppedByTarget(recipe, settings.target, path)) continue;
      const template = format === 'url-template' && value.includes('${');
      if (expands && format === 'url-template') {
        // From 2026-02 the builder fills in `${VAR}` and its linter does not check such a URL at all (validator.rs:L545).
        const unfilled = unfilledVariable(value, settings.target);
        if (unfilled) report({ message: `'${value}' in ${fieldName(path)} is downloaded with ${unfilled} as written: ${UNFILLED_WHY}, so the download fails`, at: valueSpan(recipe, path) });
        if (unfilled || template) continue;
      }
      const problem = urlProblem(value);
      if (template) {
        reportLiteralTemplate(value, path, problem);
        continue;
      }
      if (!problem) continue;
      const message = `'${value}' is not a valid URL in ${fieldName(path)}: ${problem.reason}`;
      if (problem.readAs === undefined || derivesPkgIdWithout(recipe, path, value)) {
        report({ message: problem.readAs === undefined ? message : `${message}; the builder derives the missing pkg_id from what follows '://' in src_url[0], and stops without one`, at: valueSpan(recipe, path) });
      } else {
        const irregular = `'${value}' in ${fieldName(path)} is an irregular URL: ${problem.reason}; the builder's URL parser reads it as ${problem.readAs}, other tools may not: write that`;
        report({ message: irregular, at: valueSpan(recipe, path), severity: 'warning' });
      }
    }

    /**
     * Before 2026-02 the builder neither expands `${VAR}` in a build_asset URL nor skips its check: its linter checks the
     * text as written, and the builder downloads it as written. A placeholder before the query names a file that does not
     * exist (the download fails and stops the build); one in the query or fragment may reach a server that ignores it.
     */
    function reportLiteralTemplate(value: string, path: (string | number)[], problem: UrlProblem | undefined): void {
      const placeholder = /\$\{[^}]*\}?/.exec(value)![0];
      const beforeQuery = value.search(/[?#]/);
      const inResource = problem !== undefined || beforeQuery === -1 || value.indexOf('${') < beforeQuery;
      const why = `the ${settings.target} builder does not fill in ${placeholder} in build_asset URLs (builders from ${cite('buildAssetVariables')} on fill in the variables they export)`;
      report({
        message: problem
          ? `'${value}' is not a valid URL in ${fieldName(path)}: ${problem.reason}; ${why}, so its linter rejects the text as written`
          : inResource
            ? `'${value}' in ${fieldName(path)} is downloaded as written: ${why}, so the download fails; write the value out`
            : `'${value}' in ${fieldName(path)} is requested with ${placeholder} as written: ${why}; write the value out`,
        at: valueSpan(recipe, path),
        ...(inResource ? {} : { severity: 'warning' as const }),
      });
    }
  },
});

const UNFILLED_WHY = 'the builder fills in only ${NAME}, braced, of the variables it exports or passes on';

/** A `$NAME` or `${NAME}` the builder leaves as written in a build_asset URL (builder-truth §2.3). */
function unfilledVariable(value: string, target: string): string | undefined {
  const unbraced = /\$[A-Za-z_][A-Za-z0-9_]*/.exec(value.replace(/\$\{[^}]*\}/g, ''));
  if (unbraced) return unbraced[0];
  const filled = new Set([...builderVariables('run', target), 'PATH', ...INHERITED_VARIABLES]);
  return [...value.matchAll(/\$\{([^}]*)\}/g)].find(([, name]) => !filled.has(name!))?.[0];
}

/** builder-truth §1.1, §4.1: without pkg_id the builder takes it from src_url[0] after `://`, and panics when there is none. */
function derivesPkgIdWithout(recipe: Recipe, path: (string | number)[], value: string): boolean {
  return path.length === 2 && path[0] === 'src_url' && path[1] === 0 && recipe.fields?.pkg_id === undefined && !value.includes('://');
}
