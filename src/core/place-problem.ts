import { taggedAliasNote } from '../recipe/aliases.js';
import type { Recipe, Span } from '../recipe/recipe.js';
import type { TextPositions } from '../text/positions.js';
import type { Config } from './config.js';
import type { Diagnostic, Place } from './diagnostic.js';
import { toDiagnostic } from './report.js';
import { locationSpan, type Problem, type Rule } from './rule.js';

/** What placing a problem in the text needs: the parsed recipe, or `SpanPlaces` once the recipe is let go. */
export type ProblemPlaces = Pick<Recipe, 'documentSpan' | 'place' | 'aliasNote' | 'insideAliasedCollection'>;

/**
 * Places problems reported at spans, without the parsed recipe (deferred problems, those of the directive rules). A
 * span's alias note is the one it carries (`Recipe.detachedSpan`), and a span is never a node inside an aliased
 * collection.
 */
export class SpanPlaces implements ProblemPlaces {
  readonly #positions: TextPositions;
  readonly #documentSpan: Span;

  constructor(recipe: Recipe) {
    this.#positions = recipe.positions;
    this.#documentSpan = recipe.documentSpan();
  }

  documentSpan(): Span {
    return this.#documentSpan;
  }

  place(span: Span): Place {
    return this.#positions.place(span);
  }

  aliasNote(at: unknown): string {
    return taggedAliasNote(at) ?? '';
  }

  insideAliasedCollection(): boolean {
    return false;
  }
}

/** A rule's problem placed in the text, as a diagnostic (undefined when the configuration turns it off). */
export function placedDiagnostic(places: ProblemPlaces, rule: Rule, problem: Problem, config: Config): Diagnostic | undefined {
  const span = locationSpan(problem.at, places.documentSpan());
  const { at, related, ...rest } = problem;
  return toDiagnostic(
    rule,
    {
      ...rest,
      message: problem.message + places.aliasNote(at, span.start),
      place: places.place(span),
      ...(related?.length ? { related: related.map((place) => ({ ...places.place(locationSpan(place.at, span)), message: place.message })) } : {}),
      fixUnwritable: problem.fix !== undefined && places.insideAliasedCollection(at),
    },
    config,
  );
}
