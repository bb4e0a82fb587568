import type { Recipe } from '../recipe/recipe.js';
import { findDirectives, type Directive } from '../suppressions/directives.js';
import { isRuleEnabled, type Config } from './config.js';
import type { Diagnostic, Edit } from './diagnostic.js';
import { toDiagnostic } from './report.js';
import type { Rule } from './rule.js';

export const UNUSED_DISABLE = 'sbuild/unused-disable-directive';
export const DISABLE_REASON = 'sbuild/disable-directive-reason';

/** Problems no comment may hide: a file that is not YAML or not text is not a recipe at all. */
const UNSUPPRESSIBLE = new Set(['yaml/syntax', 'yaml/encoding']);
/** ShellCheck codes: whether one was reported depends on ShellCheck being installed, so they are never called unused. */
const EXTERNAL_CODE = /^shell\/SC\d+$/;

/** Where a diagnostic is, as suppressions see it. */
export interface Located {
  ruleId: string;
  line: number;
  /** Offset into the text. */
  start: number;
}

/**
 * The inline suppressions of one file. `suppresses` hides a diagnostic and records which directive was used, so that
 * `problems` can then report the directives that hid nothing and those that lack a required reason.
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

  /** Unused directives and missing reasons, as diagnostics of the `fim-lint/*` rules (when those are enabled). */
  problems(recipe: Recipe, config: Config, rules: readonly Rule[]): Diagnostic[] {
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const diagnostics: Diagnostic[] = [];
    const report = (ruleId: string, directive: Directive, message: string, fix?: Edit) => {
      const rule = byId.get(ruleId);
      if (!rule || !isRuleEnabled(config, rule)) return;
      const diagnostic = toDiagnostic(rule, { message, place: recipe.place(directive.comment), ...(fix ? { fix } : {}) }, config);
      if (diagnostic) diagnostics.push(diagnostic);
    };

    for (const directive of this.directives) {
      const name = `fim-lint-${directive.kind}`;
      if (directive.kind !== 'enable' && directive.reason === undefined) {
        report(DISABLE_REASON, directive, `This ${name} comment gives no reason: add one after ' -- ', e.g. '# ${name} ${directive.ruleIds.join(', ') || '<rule-id>'} -- <why>'`);
      }
      if (directive.kind === 'enable') continue;
      const unused = this.#unusedIds(directive, byId);
      if (unused.length === 0) continue;
      const wholeDirective = directive.ruleIds.length === 0 || unused.length === directive.ruleIds.length;
      report(UNUSED_DISABLE, directive, unusedMessage(name, unused), wholeDirective ? removal(recipe.text, directive) : undefined);
    }
    return diagnostics;
  }

  #use(directive: Directive, ruleId: string): true {
    const used = this.#used.get(directive) ?? new Set();
    used.add(ruleId);
    this.#used.set(directive, used);
    return true;
  }

  #unusedIds(directive: Directive, rules: ReadonlyMap<string, Rule>): string[] {
    const used = this.#used.get(directive);
    if (directive.ruleIds.length === 0) return used ? [] : ['*'];
    return directive.ruleIds.filter((id) => {
      if (used?.has(id) || EXTERNAL_CODE.test(id)) return false;
      // Problems of a check across files are reported after this file's directives are judged.
      return !rules.get(id)?.checkProject;
    });
  }
}

function unusedMessage(name: string, ids: string[]): string {
  const reasons = ids.map((id) =>
    id === '*'
      ? 'no problem'
      : UNSUPPRESSIBLE.has(id)
        ? `'${id}' (which cannot be suppressed: fix the file instead)`
        : `no '${id}' problem`,
  );
  return `Unused ${name} comment: ${reasons.join(', ')} was reported where it applies; remove it or correct the rule id`;
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

/** An edit that deletes a directive: its whole line when it stands alone, else the comment and the blanks before it. */
function removal(text: string, directive: Directive): Edit {
  const lineStart = text.lastIndexOf('\n', directive.comment.start - 1) + 1;
  const newline = text.indexOf('\n', directive.comment.end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(lineStart, directive.comment.start).trim() === '' && text.slice(directive.comment.end, lineEnd).trim() === '') {
    return { start: lineStart, end: lineEnd, text: '' };
  }
  let start = directive.comment.start;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: directive.comment.end, text: '' };
}
