import { isAlias, isCollection, isPair, isScalar, type Alias, type Document, type Node } from 'yaml';

/** Why building the data stopped at an alias. */
export interface StoppingAlias {
  alias: Alias;
  reason: 'limit' | 'no-anchor';
}

interface AnchorUse {
  count: number;
  aliasCount: number;
}

/**
 * The alias at which the yaml library's `toJS` gives up: the first one with no anchor before it, or the one whose use
 * takes its anchor's count of uses times the aliases nested in it past `limit`. It replays the library's own count
 * (`Alias.resolve` in yaml 2), visiting every written node once and no alias's expansion, so that an alias bomb is
 * reported where it goes off and not at the start of the recipe.
 */
export function stoppingAlias(document: Document.Parsed, target: (alias: Alias) => Node | undefined, limit: number): StoppingAlias | undefined {
  const anchors = new Map<Node, AnchorUse>();
  const aliasCount = (node: unknown): number => {
    if (isAlias(node)) {
      const use = anchors.get(target(node) as Node);
      return use ? use.count * use.aliasCount : 0;
    }
    if (isCollection(node)) {
      let most = 0;
      for (const item of node.items) most = Math.max(most, aliasCount(item));
      return most;
    }
    if (isPair(node)) return Math.max(aliasCount(node.key), aliasCount(node.value));
    return 1;
  };
  // Depth first, each key before its value: the order in which toJS resolves aliases.
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isAlias(node)) {
      const anchored = target(node);
      const use = anchored && anchors.get(anchored);
      if (!use) return { alias: node, reason: 'no-anchor' };
      use.count += 1;
      if (use.aliasCount === 0) use.aliasCount = aliasCount(anchored);
      if (use.count * use.aliasCount > limit) return { alias: node, reason: 'limit' };
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node, { count: 1, aliasCount: 0 });
    if (isCollection(node)) for (let index = node.items.length - 1; index >= 0; index--) pending.push(node.items[index]);
    else if (isPair(node)) pending.push(node.value, node.key);
  }
  return undefined;
}
