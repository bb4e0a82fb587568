import { defineRule } from '../../core/rule.js';

export default defineRule({
  id: 'yaml/multiple-documents',
  description: 'A recipe is one YAML document; later documents are ignored',
  severity: 'warning',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    const extra = recipe.documents.slice(1);
    for (const [index, document] of extra.entries()) {
      const start = document.range[0];
      const marker = recipe.text.lastIndexOf('---', start);
      const at = marker !== -1 && marker >= (recipe.documents[index]?.range[1] ?? 0) - 3 ? marker : start;
      report({
        message: `YAML document ${index + 2} is ignored: only the first document of a file is the recipe; remove it or move it to its own file`,
        at: { start: at, end: at + 3 },
      });
    }
  },
});
