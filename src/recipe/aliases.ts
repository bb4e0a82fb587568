import { Alias, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { appendAll } from '../core/append.js';

/**
 * How an alias stands in for its anchored value. Rules read values through the recipe's accessors, which follow
 * aliases by reference (nothing is copied or expanded): a value reached through an alias is handed out as a stand-in
 * node that holds the anchored value but sits where the alias is written, so diagnostics point at the alias.
 */
export interface AliasUse {
  /** The outermost alias crossed on the way to the value: where the value is used in the recipe. */
  alias: Alias;
  /** The anchored node the value comes from. */
  target: Node;
  /** False when the value lies inside an aliased collection rather than being the alias itself. */
  direct: boolean;
}

/** Anchor and alias chains are followed at most this far (an alias cannot carry an anchor, so one hop is the norm). */
const MAX_HOPS = 32;
/** Anchor names are shown up to this length in messages. */
const SHOWN_NAME = 40;

/** A span tagged with the alias through which the code at it is used (a script reached through an alias). */
export const ALIAS_NOTE = Symbol('alias note');

/** The note a span carries under `ALIAS_NOTE`, if any. */
export function taggedAliasNote(at: unknown): string | undefined {
  const note = at && typeof at === 'object' ? (at as { [ALIAS_NOTE]?: unknown })[ALIAS_NOTE] : undefined;
  return typeof note === 'string' ? note : undefined;
}

export class AliasResolver {
  /** Each anchor name with its anchored nodes in document order. */
  readonly #anchors = new Map<string, { start: number; node: Node }[]>();
  /** Every alias, by start offset: to find the alias a diagnostic points at. */
  readonly #aliases: Alias[] = [];
  readonly #uses = new WeakMap<Node | Pair, AliasUse>();
  readonly #standIns = new WeakMap<Alias, Map<Node | Pair, Node | Pair>>();
  readonly #keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    document: Document.Parsed | undefined,
    readonly text: string,
  ) {
    const pending: unknown[] = document ? [document.contents] : [];
    while (pending.length > 0) {
      const node = pending.pop();
      if (isAlias(node)) {
        if (node.range) this.#aliases.push(node);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const anchor = (node as { anchor?: unknown }).anchor;
      const range = (node as Node).range;
      if (typeof anchor === 'string' && range) {
        const list = this.#anchors.get(anchor) ?? [];
        list.push({ start: range[0], node: node as Node });
        this.#anchors.set(anchor, list);
      }
      if (isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
      else if (isSeq(node)) appendAll(pending, node.items);
      else if (isPair(node)) pending.push(node.key, node.value);
    }
    for (const list of this.#anchors.values()) list.sort((a, b) => a.start - b.start);
    this.#aliases.sort((a, b) => a.range![0] - b.range![0]);
  }

  /** The node an alias stands for: the last node anchored with its name before it. */
  target(alias: Alias): Node | undefined {
    let current: Node | undefined = alias;
    for (let hop = 0; hop < MAX_HOPS && isAlias(current); hop++) {
      const list = this.#anchors.get(current.source);
      const start = current.range?.[0] ?? 0;
      let low = 0;
      let high = (list?.length ?? 0) - 1;
      let found: Node | undefined;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (list![middle]!.start < start) {
          found = list![middle]!.node;
          low = middle + 1;
        } else high = middle - 1;
      }
      current = found;
    }
    return isAlias(current) ? undefined : current;
  }

  /**
   * The value of a node as rules should see it: an alias is replaced by its anchored value; anything reached through
   * an alias (`via`) becomes a stand-in positioned at that alias.
   */
  resolve(node: unknown, via?: Alias): { node: Node | undefined; via: Alias | undefined } {
    if (isAlias(node)) {
      const target = this.target(node);
      const outer = via ?? node;
      return { node: target && this.standIn(target, outer, via === undefined), via: outer };
    }
    if (!node || typeof node !== 'object') return { node: undefined, via };
    return { node: via ? this.standIn(node as Node, via, false) : (node as Node), via };
  }

  /** The pair of a map (an original map, never a stand-in) whose key reads `key`; the later one when repeated. */
  pairOf(map: YAMLMap, key: string): Pair | undefined {
    let index = this.#keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const keyNode = isAlias(pair.key) ? this.target(pair.key) : pair.key;
        if (!isScalar(keyNode)) continue;
        // Of a repeated key, the later pair holds the value the data (and the builder) keeps.
        index.set(String(keyNode.value), pair);
      }
      this.#keyIndexes.set(map, index);
    }
    return index.get(key);
  }

  /** The original node behind a node handed out by `resolve` (itself when it is not a stand-in). */
  original<T extends Node | Pair>(node: T): T {
    return (this.#uses.get(node)?.target as T | undefined) ?? node;
  }

  /** How a stand-in came to be, or undefined for a node that is read where it is written. */
  use(node: unknown): AliasUse | undefined {
    return node && typeof node === 'object' ? this.#uses.get(node as Node) : undefined;
  }

  /** A stand-in for a pair reached through an alias: its key sits at the alias. */
  standInPair(pair: Pair, via: Alias): Pair {
    return this.standIn(pair, via, false);
  }

  /** The alias written at an offset, if any. */
  aliasAt(offset: number): Alias | undefined {
    let low = 0;
    let high = this.#aliases.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = this.#aliases[middle]!.range!;
      if (offset < start) high = middle - 1;
      else if (offset >= end) low = middle + 1;
      else return this.#aliases[middle];
    }
    return undefined;
  }

  /**
   * What a message about a location adds when the value there comes from an alias: the note a span carries (a
   * script reached through an alias), or the alias the location is written at.
   */
  noteFor(at: unknown, offset: number, lineOf: (offset: number) => number): string {
    const tagged = taggedAliasNote(at);
    if (tagged !== undefined) return tagged;
    const alias = this.use(at)?.alias ?? this.aliasAt(offset);
    return alias ? this.valueNote(alias, lineOf) : '';
  }

  /** ` (the value of alias *t, anchored on line 5)`, given a way to turn offsets into lines. */
  valueNote(alias: Alias, lineOf: (offset: number) => number): string {
    const target = this.target(alias);
    const anchored = target?.range ? ` anchored on line ${lineOf(this.anchorOffset(alias.source, target))}` : ' whose anchor is missing';
    return ` (the value of alias *${shownName(alias.source)},${anchored})`;
  }

  /** ` (x_exec.run is alias *s on line 29, anchored on line 10)`: for positions inside the anchored text. */
  usedThroughNote(field: string, alias: Alias, lineOf: (offset: number) => number): string {
    const target = this.target(alias);
    const anchored = target?.range ? `, anchored on line ${lineOf(this.anchorOffset(alias.source, target))}` : '';
    return ` (${field} is alias *${shownName(alias.source)} on line ${lineOf(alias.range![0])}${anchored})`;
  }

  /** Where `&name` is written before the node it anchors (the node itself when it cannot be found). */
  anchorOffset(name: string, target: Node): number {
    const start = target.range![0];
    const found = this.text.lastIndexOf(`&${name}`, start);
    return found === -1 ? start : found;
  }

  private standIn<T extends Node | Pair>(target: T, alias: Alias, direct: boolean): T {
    let cache = this.#standIns.get(alias);
    if (!cache) this.#standIns.set(alias, (cache = new Map()));
    const cached = cache.get(target);
    if (cached) return cached as T;
    const made = isPair(target) ? new Pair(isScalar(target.key) ? this.standIn(target.key, alias, false) : target.key, target.value) : makeStandIn(target, alias);
    this.#uses.set(made, { alias, target: target as Node, direct });
    cache.set(target, made);
    return made as T;
  }
}

function shownName(name: string): string {
  return name.length > SHOWN_NAME ? `${name.slice(0, SHOWN_NAME)}…` : name;
}

/**
 * A node with the target's value at the alias's place. Scalars get no style, so no fix meant for the text of the
 * value is ever computed from the alias's text; collections share the target's items (resolved on access).
 */
function makeStandIn(target: Node, alias: Alias): Node {
  const range: [number, number, number] = [alias.range![0], alias.range![1], alias.range![2]];
  let made: Node;
  if (isScalar(target)) {
    const scalar = new Scalar(target.value);
    if (target.tag) scalar.tag = target.tag;
    made = scalar;
  } else if (isMap(target)) {
    const map = new YAMLMap();
    map.items = target.items;
    map.flow = target.flow;
    made = map;
  } else if (isSeq(target)) {
    const seq = new YAMLSeq();
    seq.items = target.items;
    seq.flow = target.flow;
    made = seq;
  } else {
    made = new Alias((target as Alias).source);
  }
  made.range = range;
  return made;
}
