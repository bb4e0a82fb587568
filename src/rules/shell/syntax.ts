import { defineRule } from '../../core/rule.js';
import { scriptDialect } from '../../shell/dialect.js';
import { recipeScripts } from '../../shell/parsed-scripts.js';
import { SCRIPT_PARSE_LIMIT_MS } from '../../shell/parser.js';
import { shellSyntaxErrors } from '../../shell/syntax-errors.js';
import { approximateNote } from '../../recipe/scripts.js';

export default defineRule({
  id: 'shell/syntax',
  description: 'The x_exec.run and x_exec.pkgver scripts must be valid shell syntax',
  severity: 'error',
  async check({ recipe, report }) {
    const { parsed, tooSlow } = await recipeScripts(recipe);
    for (const script of parsed) {
      // The grammar is bash's; scripts for zsh, fish and the like follow other rules.
      if (!scriptDialect(script.shell).checked) continue;
      for (const error of shellSyntaxErrors(script.tree)) {
        report({
          message: `Shell syntax error in x_exec.${script.field}: ${error.message}${approximateNote(script)}`,
          at: script.toFileSpan(error.start, error.end),
        });
      }
    }
    for (const script of tooSlow) {
      report({
        message: `x_exec.${script.field} took longer than ${SCRIPT_PARSE_LIMIT_MS / 1000} s to parse and was given up: neither its syntax nor the commands in it were checked`,
        severity: 'warning',
        at: script.toFileSpan(0, 0),
      });
    }
  },
});
