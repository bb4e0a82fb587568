import { defineRule } from '../../core/rule.js';
import { valueSpan } from '../../sbuild/locate.js';
import { checkLicense } from '../../sbuild/spdx.js';
import { licenseAdvice } from '../../sbuild/license-advice.js';

export default defineRule({
  id: 'sbuild/license',
  description: 'License ids are SPDX identifiers or the free-form names the SBUILD docs list',
  severity: 'info',
  check({ recipe, report }) {
    const licenses = recipe.fields?.license;
    if (!Array.isArray(licenses)) return;
    licenses.forEach((license: unknown, index) => {
      const isObject = license !== null && typeof license === 'object';
      const value = isObject ? (license as Record<string, unknown>).id : license;
      if (typeof value !== 'string' || value.trim() === '') return;
      const { unknown, suggestion } = checkLicense(value);
      if (!unknown) return;
      const part = unknown === value.trim() ? `'${value}' is` : `'${unknown}' in '${value}' is`;
      const hint =
        licenseAdvice(unknown) ??
        (suggestion
          ? `did you mean '${suggestion}'?`
          : "use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list");
      report({
        message: `${part} not an SPDX license id nor a free-form name of the SBUILD docs: ${hint}`,
        at: valueSpan(recipe, isObject ? ['license', index, 'id'] : ['license', index]),
      });
    });
  },
});
