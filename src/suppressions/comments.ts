import { Parser } from 'yaml';
import type { Recipe, Span } from '../recipe/recipe.js';
import { parsedScripts } from '../shell/parsed-scripts.js';

/** A comment of the recipe: a YAML comment, or a shell comment inside an embedded script. */
export interface Comment extends Span {
  /** The comment text, from its `#`. */
  text: string;
}

/**
 * Every comment whose text contains `marker`. YAML comments come from the concrete syntax tree, so a `#` inside a
 * quoted value or a block scalar is not one; inside `x_exec.run` and `x_exec.pkgver` the shell parser decides, so a
 * `#` inside a quoted string or a here-document is not one either.
 */
export async function commentsContaining(recipe: Recipe, marker: string): Promise<Comment[]> {
  if (!recipe.text.includes(marker)) return [];
  const comments = yamlComments(recipe.text).filter((comment) => comment.text.includes(marker));
  if (recipe.decodeFailure) return comments;
  for (const script of await parsedScripts(recipe)) {
    if (!script.exact || !script.text.includes(marker)) continue;
    for (const node of script.tree.rootNode.descendantsOfType('comment')) {
      if (!node || !node.text.includes(marker)) continue;
      comments.push({ ...script.toFileSpan(node.startIndex, node.endIndex), text: node.text });
    }
  }
  return comments.sort((a, b) => a.start - b.start);
}

function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      const token = value as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        comments.push({ start: token.offset, end: token.offset + token.source.length, text: token.source });
        return;
      }
      for (const child of Object.values(value)) visit(child);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return comments;
}
