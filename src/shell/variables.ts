import { bounded } from './value-limit.js';

/**
 * The values the script's variables may hold, by name (`NAME`, and `NAME[KEY]`, `NAME[@]` for arrays). `declare -n
 * REF=NAME` makes REF a name reference: reading or setting REF (or an element of it) reads or sets NAME.
 */
export class Variables extends Map<string, string[]> {
  /** Set after the entries: the base constructor adds them through `set`, which then finds no references. */
  references: Map<string, string> | undefined;

  constructor(entries?: Iterable<readonly [string, string[]]>, references?: Map<string, string>) {
    super(entries);
    this.references = references ?? new Map();
  }

  override get(key: string): string[] | undefined {
    return super.get(referencedKey(this.references, key));
  }

  override has(key: string): boolean {
    return super.has(referencedKey(this.references, key));
  }

  override set(key: string, values: string[]): this {
    return super.set(referencedKey(this.references, key), values.map(bounded));
  }

  override delete(key: string): boolean {
    return super.delete(referencedKey(this.references, key));
  }

  /** `declare -n reference=name`: a name that refers to itself, directly or through others, is left alone (bash refuses it). */
  refer(reference: string, name: string): void {
    if (referencedKey(this.references, name) === reference) return;
    this.references!.set(reference, name);
  }

  clone(): Variables {
    return new Variables(this, new Map(this.references));
  }
}

/** The key a name reference stands for (`ref[0]` is `name[0]`), followed through references to references. */
function referencedKey(references: Map<string, string> | undefined, key: string): string {
  if (!references || references.size === 0) return key;
  for (let hops = 0; hops < references.size; hops++) {
    const bracket = key.indexOf('[');
    const name = bracket === -1 ? key : key.slice(0, bracket);
    const target = references.get(name);
    if (target === undefined) return key;
    key = target + key.slice(name.length);
  }
  return key;
}
