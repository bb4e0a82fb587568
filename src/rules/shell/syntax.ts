import { defineRule } from '../../core/rule.js';
import { scriptDialect } from '../../shell/dialect.js';
import { parsedScripts } from '../../shell/parsed-scripts.js';
import { shellSyntaxErrors } from '../../shell/syntax-errors.js';
import { approximateNote } from '../../recipe/scripts.js';

export default defineRule({
  id: 'shell/syntax',
  description: 'The x_exec.run and x_exec.pkgver scripts must be valid shell syntax',
  severity: 'error',
  async check({ recipe, report }) {
    for (const script of await parsedScripts(recipe)) {
      // The grammar is bash's; scripts for zsh, fish and the like follow other rules.
      if (!scriptDialect(script.shell).checked) continue;
      for (const error of shellSyntaxErrors(script.tree)) {
        report({
          message: `Shell syntax error in x_exec.${script.field}: ${error.message}${approximateNote(script)}`,
          at: script.toFileSpan(error.start, error.end),
        });
      }
    }
  },
});
