import { defineRule } from '../../core/rule.js';
import { cite, includes } from '../../sbuild/builder-release.js';
import { valueSpan } from '../../sbuild/locate.js';
import { fieldName, formattedStrings } from '../../sbuild/schema.js';
import { isDroppedByTarget } from '../../sbuild/target-fields.js';
import { urlProblem } from '../../sbuild/url.js';
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
      if (problem) report({ message: `'${value}' is not a valid URL in ${fieldName(path)}: ${problem}`, at: valueSpan(recipe, path) });
    }

    /**
     * Before 2026-02 the builder neither expands `${VAR}` in a build_asset URL nor skips its check: its linter checks the
     * text as written, and the builder downloads it as written. A placeholder before the query names a file that does not
     * exist (the download fails and stops the build); one in the query or fragment may reach a server that ignores it.
     */
    function reportLiteralTemplate(value: string, path: (string | number)[], problem: string | undefined): void {
      const placeholder = /\$\{[^}]*\}?/.exec(value)![0];
      const beforeQuery = value.search(/[?#]/);
      const inResource = problem !== undefined || beforeQuery === -1 || value.indexOf('${') < beforeQuery;
      const why = `the ${settings.target} builder does not fill in ${placeholder} in build_asset URLs (builders from ${cite('buildAssetVariables')} on fill in the variables they export)`;
      report({
        message: problem
          ? `'${value}' is not a valid URL in ${fieldName(path)}: ${problem}; ${why}, so its linter rejects the text as written`
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
