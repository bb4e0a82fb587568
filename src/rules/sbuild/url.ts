import { defineRule } from '../../core/rule.js';
import { valueSpan } from '../../sbuild/locate.js';
import { fieldName, formattedStrings } from '../../sbuild/schema.js';
import { urlProblem } from '../../sbuild/url.js';

export default defineRule({
  id: 'sbuild/url',
  description: 'URL fields (`src_url`, `homepage`, `icon.url`, …) hold valid http, https or ftp URLs',
  severity: 'error',
  check({ recipe, report }) {
    for (const { path, value, format } of formattedStrings(recipe.data, ['url', 'url-template'])) {
      const problem = urlProblem(value, format === 'url-template');
      if (problem) report({ message: `'${value}' is not a valid URL in ${fieldName(path)}: ${problem}`, at: valueSpan(recipe, path) });
    }
  },
});
