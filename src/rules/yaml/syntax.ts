import { defineRule } from '../../core/rule.js';
import { diagnoseSyntax } from '../../recipe/syntax-diagnosis.js';

export default defineRule({
  id: 'yaml/syntax',
  description: 'The recipe must be well-formed YAML',
  severity: 'error',
  fixable: 'safe',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    // One diagnostic per cause: the parser's later errors in a document only repeat the first one's consequences.
    for (const cause of diagnoseSyntax(recipe)) report({ message: cause.message, at: cause.at, ...(cause.fix ? { fix: cause.fix } : {}) });
    recipe.documents.forEach((document, index) => {
      const where = index === 0 ? '' : ` (in YAML document ${index + 1})`;
      for (const warning of document.warnings) {
        report({
          message: `YAML warning: ${warning.message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '')}${where}`,
          at: { start: warning.pos[0], end: warning.pos[1] },
          severity: 'warning',
        });
      }
    });
  },
});
