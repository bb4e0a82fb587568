import { defineRule } from '../../core/rule.js';
import { valueSpan } from '../../sbuild/locate.js';
import { annotatedValues, fieldName } from '../../sbuild/schema.js';
import { urlProblem } from '../../sbuild/url.js';

export default defineRule({
  id: 'sbuild/url',
  description: 'URL fields (`src_url`, `homepage`, `icon.url`, …) hold valid http, https or ftp URLs',
  severity: 'error',
  check({ recipe, report }) {
    for (const { path, value, annotation } of annotatedValues<string>(recipe.data, 'x-format')) {
      if ((annotation !== 'url' && annotation !== 'url-template') || typeof value !== 'string' || value === '') continue;
      const problem = urlProblem(value, annotation === 'url-template');
      if (problem) report({ message: `'${value}' is not a valid URL in ${fieldName(path)}: ${problem}`, at: valueSpan(recipe, path) });
    }
  },
});
