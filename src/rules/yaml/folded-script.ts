import { defineRule } from '../../core/rule.js';
import { embeddedScripts } from '../../recipe/scripts.js';
import type { Recipe } from '../../recipe/recipe.js';

export default defineRule({
  id: 'yaml/folded-script',
  description: 'Scripts are literal blocks (`|`): a folded block (`>`) joins their lines into one',
  severity: 'error',
  fixable: 'unsafe',
  check({ recipe, report }) {
    for (const script of embeddedScripts(recipe)) {
      const { node } = script;
      if (node.type !== 'BLOCK_FOLDED' || !node.range) continue;
      const joined = firstJoinedLine(recipe, node.range[0], node.range[1]);
      if (joined === undefined) continue;
      const indicator = node.range[0];
      report({
        message: `x_exec.${script.field} is a folded block ('>'), so YAML joins line ${joined} and the next into one with a space: the shell gets one command where two are written. Write '|' to keep each line`,
        at: { start: indicator, end: indicator + 1 },
        fix: { start: indicator, end: indicator + 1, text: '|' },
      });
    }
  },
});

/**
 * The file line of the first line a folded block joins to the next: two non-blank lines in a row at the block's
 * indentation (a more indented line keeps its line breaks). Undefined when folding joins nothing.
 */
function firstJoinedLine(recipe: Recipe, start: number, end: number): number | undefined {
  const bodyStart = recipe.text.indexOf('\n', start) + 1;
  // An indentation indicator (`>2`) sets the block's indentation apart from its first line: not worked out here.
  if (bodyStart === 0 || bodyStart >= end || /\d/.test(recipe.text.slice(start, bodyStart))) return undefined;
  const lines = recipe.text.slice(bodyStart, end).split('\n');
  const indents = lines.map((line) => (line.trim() === '' ? undefined : line.length - line.trimStart().length));
  const base = indents.find((indent) => indent !== undefined);
  for (let index = 0; index + 1 < lines.length; index++) {
    if (indents[index] === base && indents[index + 1] === base) return recipe.position(bodyStart).line + index;
  }
  return undefined;
}
