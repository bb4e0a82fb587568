import { isScalar, type Scalar } from 'yaml';
import type { PathSegment, Recipe } from '../recipe/recipe.js';

export interface StringItem {
  index: number;
  value: string;
  node: Scalar;
}

/**
 * The string items of the YAML list at a path, with their nodes (aliases followed: an aliased item's node sits at the
 * alias); other items and non-lists give nothing.
 */
export function stringItems(recipe: Recipe, path: readonly PathSegment[]): StringItem[] {
  const items: StringItem[] = [];
  recipe.items(path).forEach((node, index) => {
    if (isScalar(node) && typeof node.value === 'string' && node.range) items.push({ index, value: node.value, node });
  });
  return items;
}
