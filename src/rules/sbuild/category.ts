import { defineRule } from '../../core/rule.js';
import { fieldData } from '../../sbuild/data.js';
import { replaceScalarText } from '../../sbuild/edit.js';
import { stringItems } from '../../sbuild/lists.js';
import { didYouMean, nearMisses } from '../../text/near-miss.js';

interface CategoryList {
  main: string[];
  additional: string[];
  reserved: string[];
  /** Registered categories the builder's list lacks, each with a close one it has. */
  builderLacks: { categories: Record<string, string> };
}

/** The builder's list of categories: the registered ones but those it lacks (143 names). */
export function builderCategories(data: CategoryList): string[] {
  const lacks = data.builderLacks.categories;
  return [...data.main, ...data.additional, ...data.reserved].filter((category) => !Object.hasOwn(lacks, category));
}

let builderList: { list: string[]; set: Set<string> } | undefined;

/** The builder's categories, listed once per process (the data never changes during a run). */
function accepted(data: CategoryList): { list: string[]; set: Set<string> } {
  if (!builderList) {
    const list = builderCategories(data);
    builderList = { list, set: new Set(list) };
  }
  return builderList;
}

export default defineRule({
  id: 'sbuild/category',
  description: 'Every `category` is a registered freedesktop.org menu category that the builder accepts (case-sensitive)',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report }) {
    const items = stringItems(recipe, ['category']);
    if (items.length === 0) return;
    const data = fieldData<CategoryList>('category');
    const registered = accepted(data);
    const lacks = data.builderLacks.categories;
    for (const { value, node } of items) {
      if (value === '' || registered.set.has(value)) continue;
      if (Object.hasOwn(lacks, value)) {
        report({
          message: `'${value}' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as '${lacks[value]}'`,
          at: node,
        });
        continue;
      }
      const sameLetters = registered.list.filter((category) => category.toLowerCase() === value.toLowerCase());
      if (sameLetters.length === 1) {
        report({
          message: `'${value}' is not a registered category: categories are case-sensitive, write '${sameLetters[0]}'`,
          at: node,
          fix: replaceScalarText(node, sameLetters[0]!),
        });
        continue;
      }
      const hint = didYouMean(nearMisses(value, registered.list)) || 'use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords';
      report({ message: `'${value}' is not a registered freedesktop.org category: ${hint}`, at: node });
    }
  },
});
