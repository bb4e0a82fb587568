import { nodeSpan, type PathSegment, type Recipe, type Span } from '../recipe/recipe.js';

/** The span of the value at a path (see `Recipe.spanOf`) without the line break a block collection ends with. */
export function valueSpan(recipe: Recipe, path: readonly PathSegment[]): Span {
  const root = recipe.document?.contents;
  if (path.length === 0 && root?.range) return trimEnd(recipe.text, nodeSpan(root));
  return trimEnd(recipe.text, recipe.spanOf(path));
}

/** Where a problem with a whole map belongs: its key, or the item itself when the map is a list item. */
export function ownerSpan(recipe: Recipe, path: readonly PathSegment[]): Span {
  if (path.length === 0) return recipe.documentSpan();
  return typeof path[path.length - 1] === 'number' ? valueSpan(recipe, path) : recipe.keySpan(path);
}

function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}
