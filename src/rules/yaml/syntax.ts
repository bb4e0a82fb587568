import { defineRule } from '../../core/rule.js';

/** Error codes that other yaml/ rules report with a message of their own. */
const REPORTED_ELSEWHERE = new Set(['DUPLICATE_KEY']);

export default defineRule({
  id: 'yaml/syntax',
  description: 'The recipe must be well-formed YAML',
  severity: 'error',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    recipe.documents.forEach((document, index) => {
      const where = index === 0 ? '' : ` (in YAML document ${index + 1})`;
      let stackExhausted = false;
      for (const error of document.errors) {
        if (REPORTED_ELSEWHERE.has(error.code)) continue;
        // Past the stack's depth the parser fails at every further level: once is enough.
        if (isStackOverflow(error.message) && (stackExhausted || !(stackExhausted = true))) continue;
        report({ message: `YAML syntax error: ${sentence(error.message)}${where}`, at: { start: error.pos[0], end: error.pos[1] } });
      }
      for (const warning of document.warnings) {
        report({
          message: `YAML warning: ${sentence(warning.message)}${where}`,
          at: { start: warning.pos[0], end: warning.pos[1] },
          severity: 'warning',
        });
      }
    });
  },
});

function sentence(message: string): string {
  if (isStackOverflow(message)) return 'the YAML is nested too deeply to read (the parser ran out of stack); recipes nest a few levels';
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function isStackOverflow(message: string): boolean {
  return message.includes('Maximum call stack size exceeded');
}
