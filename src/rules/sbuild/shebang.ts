import { defineRule } from '../../core/rule.js';

const SHEBANG = '#!/SBUILD';

export default defineRule({
  id: 'sbuild/shebang',
  description: 'The first line of a recipe is the `#!/SBUILD` shebang',
  severity: 'warning',
  fixable: 'safe',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    if (recipe.decodeFailure || recipe.text.startsWith(SHEBANG)) return;
    const lineEnd = recipe.text.indexOf('\n');
    const firstLine = lineEnd === -1 ? recipe.text : recipe.text.slice(0, lineEnd);
    const laterLine = recipe.text.search(/^#!\/SBUILD/m);
    const newline = recipe.text.includes('\r\n') ? '\r\n' : '\n';
    report({
      message:
        laterLine === -1
          ? `Missing '${SHEBANG}' first line: SBUILD recipes start with '${SHEBANG} ver @v1.0.0'`
          : `'${SHEBANG}' must be the first line of the recipe, found on line ${recipe.position(laterLine).line}`,
      at: { start: 0, end: firstLine.replace(/\r$/, '').length },
      fix: laterLine === -1 ? { start: 0, end: 0, text: `${SHEBANG} ver @v1.0.0${newline}` } : undefined,
    });
  },
});
