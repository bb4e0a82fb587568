import { defineRule } from '../../core/rule.js';

const SHEBANG = '#!/SBUILD';

export default defineRule({
  id: 'sbuild/shebang',
  description: 'The first line of a recipe is the `#!/SBUILD` shebang',
  severity: 'warning',
  fixable: 'safe',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    if (recipe.decodeFailure) return;
    const lineEnd = recipe.text.indexOf('\n');
    const firstLine = (lineEnd === -1 ? recipe.text : recipe.text.slice(0, lineEnd)).replace(/\r$/, '');
    // The builder trims the line before it looks for the shebang.
    if (firstLine.trimStart().startsWith(SHEBANG)) return;
    const laterLine = recipe.text.search(/^[ \t]*#!\/SBUILD/m);
    const fix = laterLine === -1 ? { start: 0, end: 0, text: `${SHEBANG} ver @v1.0.0${recipe.text.includes('\r\n') ? '\r\n' : '\n'}` } : undefined;
    const at = { start: 0, end: firstLine.length };
    const content = firstLine.trim();
    if (content !== '' && !content.startsWith('#')) {
      // The builder drops line 1 unread, shebang or not: a key written there never reaches it.
      report({
        message: `Line 1 is not '${SHEBANG}', and the builder discards line 1 unread: '${shorten(content)}' is lost. Insert '${SHEBANG} ver @v1.0.0' as line 1`,
        at,
        severity: 'error',
        fix,
      });
      return;
    }
    report({
      message:
        laterLine === -1
          ? `Missing '${SHEBANG}' first line: SBUILD recipes start with '${SHEBANG} ver @v1.0.0'`
          : `'${SHEBANG}' must be the first line of the recipe, found on line ${recipe.position(laterLine).line}`,
      at,
      fix,
    });
  },
});

function shorten(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}
