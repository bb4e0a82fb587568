import { defineRule } from '../../core/rule.js';
import type { Recipe } from '../../recipe/recipe.js';
import { cite, includes } from '../../sbuild/builder-release.js';
import { valueSpan } from '../../sbuild/locate.js';
import { annotation, fieldName, formattedStrings } from '../../sbuild/schema.js';

export default defineRule({
  id: 'sbuild/disabled-reason',
  description: 'A disabled recipe says why (`_disabled_reason`, or a comment for builders that drop that field), and its dates are `YYYY-MM-DD` or RFC 3339',
  severity: 'warning',
  check({ recipe, report, settings }) {
    const fields = recipe.fields;
    if (!fields) return;
    const { target } = settings;
    const hasReason = fields._disabled_reason !== undefined && fields._disabled_reason !== null;
    if (includes(target, 'unknownDesktopIcon')) {
      // The target builder drops `_disabled_reason` as an unknown field, which sbuild/unknown-key reports (with the
      // advice to keep the reason in a comment): only a comment can say why, so only a missing comment is reported.
      if (fields._disabled === true && !('_disabled_reason' in fields) && !hasReasonComment(recipe)) {
        report({
          message: `The recipe is disabled but does not say why: the ${target} builder drops '_disabled_reason' as an unknown field (since ${cite('unknownDesktopIcon')}), so give the reason in a comment on the '_disabled' line (e.g. _disabled: true  # broken since 2025-03-01: does not build)`,
          at: recipe.keySpan(['_disabled']),
        });
      }
      return;
    }
    if (fields._disabled === true && !hasReason) {
      report({ message: "The recipe is disabled but does not say why: add '_disabled_reason' (e.g. broken: [{date, reason}])", at: recipe.keySpan(['_disabled']) });
    }
    if (fields._disabled === false && hasReason) {
      report({ message: "'_disabled_reason' is set but '_disabled' is false: remove the reason or disable the recipe", at: recipe.keySpan(['_disabled_reason']) });
    }
    for (const location of formattedStrings(recipe, ['date'])) {
      const { path, value } = location;
      const pattern = annotation<string>(location, 'x-pattern');
      if (!pattern || (new RegExp(pattern).test(value) && isRealDate(value))) continue;
      report({
        message: `'${value}' is not a valid date in ${fieldName(path)}: expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z`,
        at: valueSpan(recipe, path),
      });
    }
  },
});

/**
 * Comments that are not a reason: the shebang, fim-lint's directives, the YAML language server's schema line, and the
 * `#SELF:` line with the recipe's own URL that soarpkgs puts at the top of most recipes.
 */
const NOT_A_REASON = /^#(?:!|\s*(?:fim-lint-|yaml-language-server:|SELF:))/;

/**
 * Whether a comment says why the recipe is disabled: one at the end of the `_disabled` line, or a block of comment
 * lines directly above it.
 */
function hasReasonComment(recipe: Recipe): boolean {
  const key = recipe.pair(['_disabled'])?.key;
  if (!key?.range) return false;
  const { text } = recipe;
  const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', key.range[0]);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const trailing = /\s#(.*)$/.exec(line.slice(key.range[0] - lineStart));
  if (trailing && trailing[1]!.trim() !== '' && !NOT_A_REASON.test(`#${trailing[1]!}`)) return true;
  const above = text.slice(0, lineStart).split('\n').slice(0, -1);
  for (let i = above.length - 1; i >= 0; i--) {
    const comment = above[i]!.trim();
    if (!comment.startsWith('#')) return false;
    if (!NOT_A_REASON.test(comment) && comment.replace(/^#+/, '').trim() !== '') return true;
  }
  return false;
}

/** True when the date part names a day of the calendar (the pattern alone accepts 2024-02-31). */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
