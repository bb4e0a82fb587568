import type { Recipe } from '../recipe/recipe.js';
import { findDirectives, type Directive } from '../suppressions/directives.js';

export const UNUSED_DISABLE = 'sbuild/unused-disable-directive';

/** Problems no comment may hide: a file that is not YAML or not text is not a recipe at all. */
export const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(['yaml/syntax', 'yaml/encoding']);
const NONE: ReadonlySet<string> = new Set();

/** Where a diagnostic is, as suppressions see it. */
export interface Located {
  ruleId: string;
  line: number;
  /** Offset into the text. */
  start: number;
}

/**
 * The inline suppressions of one file. `suppresses` hides a diagnostic and records which directive was used, so that
 * the directive rules (`checkDirectives`) can then judge the directives that hid nothing.
 */
export class Suppressions {
  readonly #used = new Map<Directive, Set<string>>();
  readonly #ranges: { directive: Directive; ruleId: string | undefined; start: number; end: number }[];

  constructor(
    readonly directives: readonly Directive[],
    text: string,
  ) {
    this.#ranges = disabledRanges(directives, text);
  }

  static async of(recipe: Recipe): Promise<Suppressions> {
    return new Suppressions(await findDirectives(recipe), recipe.text);
  }

  suppresses(diagnostic: Located): boolean {
    if (UNSUPPRESSIBLE.has(diagnostic.ruleId)) return false;
    const names = (directive: Directive) => directive.ruleIds.length === 0 || directive.ruleIds.includes(diagnostic.ruleId);
    for (const directive of this.directives) {
      const line = directive.kind === 'disable-line' ? directive.line : directive.kind === 'disable-next-line' ? directive.line + 1 : undefined;
      if (line === diagnostic.line && names(directive)) return this.#use(directive, diagnostic.ruleId);
    }
    for (const range of this.#ranges) {
      if ((range.ruleId === undefined || range.ruleId === diagnostic.ruleId) && diagnostic.start >= range.start && diagnostic.start < range.end) {
        return this.#use(range.directive, diagnostic.ruleId);
      }
    }
    return false;
  }

  /** The rule ids whose problems the directive hid. */
  hidden(directive: Directive): ReadonlySet<string> {
    return this.#used.get(directive) ?? NONE;
  }

  #use(directive: Directive, ruleId: string): true {
    const used = this.#used.get(directive) ?? new Set();
    used.add(ruleId);
    this.#used.set(directive, used);
    return true;
  }
}

/**
 * The offset ranges that `disable` … `enable` comments cover, by rule id (undefined for every rule). A `disable` with
 * only comments and blank lines before it covers the file from its start, so it also hides problems of the first line.
 */
function disabledRanges(directives: readonly Directive[], text: string) {
  const ranges: { directive: Directive; ruleId: string | undefined; start: number; end: number }[] = [];
  const open = new Map<string | undefined, { directive: Directive; start: number }>();
  for (const directive of directives) {
    const ids = directive.ruleIds.length === 0 ? [undefined] : directive.ruleIds;
    if (directive.kind === 'disable') {
      const start = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*$/.test(text.slice(0, directive.comment.start)) ? 0 : directive.comment.start;
      for (const id of ids) if (!open.has(id)) open.set(id, { directive, start });
    } else if (directive.kind === 'enable') {
      const closing = directive.ruleIds.length === 0 ? [...open.keys()] : ids;
      for (const id of closing) {
        const opened = open.get(id);
        if (!opened) continue;
        ranges.push({ ...opened, ruleId: id, end: directive.comment.start });
        open.delete(id);
      }
    }
  }
  for (const [ruleId, opened] of open) ranges.push({ ...opened, ruleId, end: Number.POSITIVE_INFINITY });
  return ranges;
}
