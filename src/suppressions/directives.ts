import type { Recipe, Span } from '../recipe/recipe.js';
import { commentsContaining } from './comments.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

/** A `# fim-lint-…` comment. */
export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names; empty means every rule. */
  ruleIds: string[];
  /** The text after ` -- `, when there is one. */
  reason: string | undefined;
  /** The comment in the file. */
  comment: Span;
  /** 1-based line of the comment. */
  line: number;
}

const MARKER = 'fim-lint-';
const DIRECTIVE = /^#+\s*fim-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/s;

/** The suppression directives of a recipe, in file order. */
export async function findDirectives(recipe: Recipe): Promise<Directive[]> {
  const directives: Directive[] = [];
  for (const comment of await commentsContaining(recipe, MARKER)) {
    const match = DIRECTIVE.exec(comment.text.trimEnd());
    if (!match) continue;
    const [ids, ...reason] = match[2]!.split(/\s--(?:\s|$)/);
    directives.push({
      kind: match[1] as DirectiveKind,
      ruleIds: ids!.split(/[\s,]+/).filter(Boolean),
      reason: reason.length > 0 ? reason.join(' -- ').trim() || undefined : undefined,
      comment: { start: comment.start, end: comment.end },
      line: recipe.position(comment.start).line,
    });
  }
  return directives;
}
