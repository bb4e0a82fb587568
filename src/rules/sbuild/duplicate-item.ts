import type { Scalar } from 'yaml';
import type { Edit, FixSafety } from '../../core/diagnostic.js';
import { defineRule } from '../../core/rule.js';
import type { Recipe } from '../../recipe/recipe.js';
import { stringItems } from '../../sbuild/lists.js';
import { isDroppedByTarget } from '../../sbuild/target-fields.js';
import { alternatives, annotation, childSchema, fieldName, jsonType, walkWithSchema } from '../../sbuild/schema.js';

export default defineRule({
  id: 'sbuild/duplicate-item',
  description: 'A list (`src_url`, `category`, `provides`, `x_exec.host`, …) names each entry once',
  severity: 'warning',
  fixable: 'safe',
  check({ recipe, report, settings }) {
    for (const { path, value, schemas } of walkWithSchema(recipe)) {
      // Nothing repeats in a list of one item, which most lists of a recipe are.
      if (jsonType(value) !== 'array' || (value as unknown[]).length < 2 || isDroppedByTarget(recipe, settings.target, path)) continue;
      const items = schemas.map((schema) => childSchema(schema, 0)).filter((item) => item !== undefined).flatMap(alternatives);
      if (!items.some((item) => item.type === 'string')) continue;
      // Lists whose values the builder compares case-insensitively (x_exec.arch, os, host) repeat entries case-insensitively.
      const caseInsensitive = annotation({ schemas: items }, 'x-enum-ci') !== undefined;
      const first = new Map<string, Scalar>();
      for (const { value: text, node } of stringItems(recipe, path)) {
        const key = caseInsensitive ? text.toLowerCase() : text;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, node);
          continue;
        }
        report({
          message: `'${text}' is listed more than once in ${fieldName(path)}: remove the repeated entry`,
          at: node,
          related: [{ at: earlier, message: `'${text}' is first listed here` }],
          ...removeLine(recipe, node),
        });
      }
    }
  },
});

/**
 * Removes a block-sequence item that stands alone on its line, or nothing when it shares the line. The removal takes
 * the line's comment with it, so a line with a comment is an unsafe fix.
 */
function removeLine(recipe: Recipe, node: Scalar): { fix?: Edit; fixSafety?: FixSafety } {
  const [start, end] = node.range!;
  const text = recipe.text;
  // `  - value  # comment`, looked at from the item outwards: each item of a flow sequence of a hundred thousand on one
  // line is then a step or two, not a scan of the whole line.
  const dash = startOfBlanks(text, start);
  if (dash === start || text[dash - 1] !== '-') return {};
  const lineStart = startOfBlanks(text, dash - 1);
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return {};
  let lineEnd = endOfBlanks(text, end);
  const comment = text[lineEnd] === '#';
  if (comment) {
    const newline = text.indexOf('\n', lineEnd);
    const commentEnd = newline === -1 ? text.length : newline;
    // A comment holds no other line break (a CRLF's CR ends it).
    if (LINE_BREAK.test(text.slice(lineEnd, text[commentEnd - 1] === '\r' ? commentEnd - 1 : commentEnd))) return {};
    lineEnd = commentEnd;
  } else if (text[lineEnd] === '\r') lineEnd++;
  if (lineEnd < text.length && text[lineEnd] !== '\n') return {};
  return { fix: { start: lineStart, end: Math.min(lineEnd + 1, text.length), text: '' }, fixSafety: comment ? 'unsafe' : 'safe' };
}

const isBlank = (character: string | undefined) => character === ' ' || character === '\t';
const LINE_BREAK = /[\r\u2028\u2029]/;

/** Where the spaces and tabs that end just before `index` start. */
function startOfBlanks(text: string, index: number): number {
  while (isBlank(text[index - 1])) index--;
  return index;
}

/** Where the spaces and tabs that start at `index` end. */
function endOfBlanks(text: string, index: number): number {
  while (isBlank(text[index])) index++;
  return index;
}
