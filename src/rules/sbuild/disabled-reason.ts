import { defineRule } from '../../core/rule.js';
import { valueSpan } from '../../sbuild/locate.js';
import { annotation, fieldName, formattedStrings } from '../../sbuild/schema.js';

export default defineRule({
  id: 'sbuild/disabled-reason',
  description: '`_disabled_reason` goes with `_disabled: true`, and its dates are `YYYY-MM-DD` or RFC 3339',
  severity: 'warning',
  check({ recipe, report }) {
    const fields = recipe.fields;
    if (!fields) return;
    const hasReason = fields._disabled_reason !== undefined && fields._disabled_reason !== null;
    if (fields._disabled === true && !hasReason) {
      report({ message: "The recipe is disabled but does not say why: add '_disabled_reason' (e.g. broken: [{date, reason}])", at: recipe.keySpan(['_disabled']) });
    }
    if (fields._disabled === false && hasReason) {
      report({ message: "'_disabled_reason' is set but '_disabled' is false: remove the reason or disable the recipe", at: recipe.keySpan(['_disabled_reason']) });
    }
    for (const location of formattedStrings(recipe.data, ['date'])) {
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

/** True when the date part names a day of the calendar (the pattern alone accepts 2024-02-31). */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
