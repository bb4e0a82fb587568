import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { ALIAS_NOTE, AliasResolver } from './aliases.js';
import { parseAsBuilder } from './builder-yaml.js';
import { addDuplicateKeyErrors } from './duplicate-keys.js';
import type { Place } from '../core/diagnostic.js';
import { getOrMake } from '../core/get-or-make.js';
import { TextPositions, type Span } from '../text/positions.js';

export type { Span } from '../text/positions.js';

export type PathSegment = string | number;

export interface DecodeFailure {
  reason: 'binary' | 'encoding';
  message: string;
  /** Offset into `text` of the first character that could not be decoded. */
  offset: number;
}

/** Aliases expanded beyond this many nodes make `toJS` fail: the guard against alias bombs. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * A parsed recipe: the source text, every YAML document in it with positions, and the plain data of the first
 * document (the recipe itself). Rules only read it.
 */
export class Recipe {
  readonly documents: Document.Parsed[];
  /** The plain value of the first document, or undefined when it could not be built (syntax errors, alias bomb). */
  readonly data: unknown;
  readonly dataError: string | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    /** Set when the bytes were not UTF-8 text: nothing is parsed then. */
    readonly decodeFailure?: DecodeFailure,
  ) {
    this.documents = decodeFailure ? [] : parseAsBuilder(text, {
      keepSourceTokens: true,
      prettyErrors: false,
      // Checked in linear time below: yaml's own check is quadratic in the number of keys of a map.
      uniqueKeys: false,
      // Warnings (such as a collection used as a key) would go to stderr as process warnings; rules report what matters.
      logLevel: 'error',
    });
    this.documents.forEach((document, index) => {
      const aliases = () => (index === 0 ? this.aliases : new AliasResolver(document, text));
      let resolver: AliasResolver | undefined;
      addDuplicateKeyErrors(document, (alias) => (resolver ??= aliases()).target(alias));
    });
    const built = buildData(this.document);
    this.data = built.data;
    this.dataError = built.error;
  }

  /** The first YAML document: the recipe. */
  get document(): Document.Parsed | undefined {
    return this.documents[0];
  }

  /** The top-level mapping as a plain object, or undefined when the recipe is not a mapping. */
  get fields(): Record<string, unknown> | undefined {
    const data = this.data;
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  }

  /** True when the first document has syntax errors (duplicate keys alone do not count). */
  get hasSyntaxErrors(): boolean {
    if (this.decodeFailure) return true;
    return (this.document?.errors ?? []).some((error) => error.code !== 'DUPLICATE_KEY');
  }

  /**
   * The YAML node at a path of keys and indexes, e.g. `['x_exec', 'host', 0]`, with aliases followed: a value
   * reached through an alias is a stand-in that holds the anchored value and sits where the alias is written.
   */
  node(path: readonly PathSegment[]): Node | undefined {
    return this.#walk(path)?.node;
  }

  /** The key/value pair whose key ends the path, e.g. `['x_exec', 'arch']` (its key sits at the alias when reached through one). */
  pair(path: readonly PathSegment[]): Pair<Node, Node> | undefined {
    if (path.length === 0) return undefined;
    const parent = this.#walk(path.slice(0, -1));
    const map = parent?.node && this.aliases.original(parent.node);
    if (!isMap(map)) return undefined;
    const pair = this.aliases.pairOf(map, String(path[path.length - 1]));
    if (!pair) return undefined;
    return (parent!.via ? this.aliases.standInPair(pair, parent!.via) : pair) as Pair<Node, Node>;
  }

  /** The items of the list at a path, aliases followed (see `node`); nothing when the value is not a list. */
  items(path: readonly PathSegment[]): (Node | undefined)[] {
    const list = this.#walk(path);
    const original = list?.node && this.aliases.original(list.node);
    if (!isSeq(original)) return [];
    return original.items.map((item) => this.aliases.resolve(item, list!.via).node);
  }

  /** Follows aliases by reference: every alias, however often it is used, is looked up once per path step. */
  get aliases(): AliasResolver {
    return (this.#aliases ??= new AliasResolver(this.document, this.text));
  }

  #aliases: AliasResolver | undefined;
  #mayHaveAliases: boolean | undefined;

  /** True for a node handed out from inside an aliased collection (written once for every use of the alias). */
  insideAliasedCollection(at: unknown): boolean {
    return this.#aliases?.use(at)?.direct === false;
  }

  /** What a message about a location adds when the value there comes from an alias (see `AliasResolver.noteFor`). */
  aliasNote(at: unknown, offset: number): string {
    // Asked once per diagnostic: the scan of the text for an alias is done once per recipe.
    this.#mayHaveAliases ??= this.text.includes('*');
    if (!this.#mayHaveAliases) return '';
    return this.aliases.noteFor(at, offset, (where) => this.position(where).line);
  }

  /** The span with its alias note on it: how a problem keeps the note once the recipe is let go (see `SpanPlaces`). */
  detachedSpan(span: Span): Span {
    const note = this.aliasNote(span, span.start);
    return note === '' ? span : Object.assign({ ...span }, { [ALIAS_NOTE]: note });
  }

  #walk(path: readonly PathSegment[]): ReturnType<AliasResolver['resolve']> | undefined {
    const document = this.document;
    if (!document) return undefined;
    let current = this.aliases.resolve(document.contents);
    for (const segment of path) {
      const collection = current.node && this.aliases.original(current.node);
      let child: unknown;
      if (isMap(collection)) child = this.aliases.pairOf(collection, String(segment))?.value;
      else if (isSeq(collection) && Number.isInteger(Number(segment)) && String(segment) !== '') child = collection.items[Number(segment)];
      if (child === undefined || child === null) return undefined;
      current = this.aliases.resolve(child, current.via);
    }
    return current.node ? current : undefined;
  }

  /** The span of the value at a path, of its key when the value is empty, of the closest existing parent otherwise. */
  spanOf(path: readonly PathSegment[]): Span {
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = path.slice(0, depth);
      const node = this.node(prefix);
      if (node?.range && !(isScalar(node) && node.value === null && node.range[0] === node.range[1])) return nodeSpan(node);
      // An empty list item is where its dash is.
      if (node?.range && typeof prefix[depth - 1] === 'number') {
        const lineStart = this.text.lastIndexOf('\n', node.range[0] - 1) + 1;
        const dash = /-[ \t]*$/.exec(this.text.slice(lineStart, node.range[0]));
        if (dash) return { start: lineStart + dash.index, end: lineStart + dash.index + 1 };
      }
      const key = this.pair(prefix)?.key;
      if (key?.range) return nodeSpan(key);
    }
    return this.documentSpan();
  }

  /** The span of the key at a path (falls back to the value, then to the parent). */
  keySpan(path: readonly PathSegment[]): Span {
    const key = this.pair(path)?.key;
    return key?.range ? nodeSpan(key) : this.spanOf(path);
  }

  /** Where the recipe's content starts: the first key of the top-level map, or the start of the file. */
  documentSpan(): Span {
    const contents = this.document?.contents;
    if (isMap(contents)) {
      const first = contents.items[0];
      if (isPair(first) && (first.key as Node | null)?.range) return nodeSpan(first.key as Node);
    }
    return { start: 0, end: 0 };
  }

  /** Registers a clean-up to run once every rule has seen the recipe (e.g. freeing parser memory). */
  onDispose(cleanup: () => void | Promise<void>): void {
    this.#disposers.push(cleanup);
  }

  async dispose(): Promise<void> {
    const disposers = this.#disposers.splice(0);
    for (const cleanup of disposers) await cleanup();
  }

  #disposers: (() => void | Promise<void>)[] = [];

  /** The value `make` gives for this recipe, made once per key: see `perRecipe`, which is how it is asked for. */
  derived<T>(key: symbol, make: (recipe: Recipe) => T): T {
    return getOrMake(this.#derived, key, () => make(this)) as T;
  }

  #derived = new Map<symbol, unknown>();

  /** Lines and columns of offsets into the text. */
  get positions(): TextPositions {
    return (this.#positions ??= new TextPositions(this.text));
  }

  #positions: TextPositions | undefined;

  /** 1-based line and column of an offset, as an editor shows them (a column counts UTF-16 code units). */
  position(offset: number): { line: number; column: number } {
    return this.positions.position(offset);
  }

  /** A span with the lines and columns of its ends. */
  place(span: Span): Place {
    return this.positions.place(span);
  }
}

/** The span of a node without the trailing newline or comment that `range[2]` would include. */
export function nodeSpan(node: Node): Span {
  const range = node.range ?? [0, 0, 0];
  return { start: range[0], end: range[1] };
}

function buildData(document: Document.Parsed | undefined): { data: unknown; error: string | undefined } {
  if (!document) return { data: undefined, error: undefined };
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return { data: undefined, error: 'syntax' };
  try {
    return { data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), error: undefined };
  } catch (error) {
    return { data: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}
