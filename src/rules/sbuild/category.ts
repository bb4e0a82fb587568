import { defineRule } from '../../core/rule.js';
import { fieldData } from '../../sbuild/data.js';
import { replaceScalarText } from '../../sbuild/edit.js';
import { stringItems } from '../../sbuild/lists.js';
import { didYouMean, nearMisses } from '../../text/near-miss.js';

interface CategoryList {
  main: string[];
  additional: string[];
  reserved: string[];
}

export default defineRule({
  id: 'sbuild/category',
  description: 'Every `category` is a registered freedesktop.org menu category (case-sensitive)',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report }) {
    const items = stringItems(recipe, ['category']);
    if (items.length === 0) return;
    const data = fieldData<CategoryList>('category');
    const registered = [...data.main, ...data.additional, ...data.reserved];
    for (const { value, node } of items) {
      if (value === '' || registered.includes(value)) continue;
      const sameLetters = registered.filter((category) => category.toLowerCase() === value.toLowerCase());
      if (sameLetters.length === 1) {
        report({
          message: `'${value}' is not a registered category: categories are case-sensitive, write '${sameLetters[0]}'`,
          at: node,
          fix: replaceScalarText(node, sameLetters[0]!),
        });
        continue;
      }
      const hint = didYouMean(nearMisses(value, registered)) || 'use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords';
      report({ message: `'${value}' is not a registered freedesktop.org category: ${hint}`, at: node });
    }
  },
});
