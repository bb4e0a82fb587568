import type { PathSegment, Recipe, Span } from '../recipe/recipe.js';
import { includes, includesDate } from './builder-release.js';
import { fieldName, sbuildSchema, type Schema } from './schema.js';
import { valueSpan } from './locate.js';
import { unknownLicenses } from './spdx.js';
import { isRecord } from '../core/is-record.js';
import { getOrMake } from '../core/get-or-make.js';
import { perRecipe } from '../recipe/per-recipe.js';
import { appendAll } from '../core/append.js';

/**
 * What the target builder release says about the fields of a recipe, from the schema's `x-since`, `x-removed` and
 * `x-required-until` annotations: a key the builder does not know yet or no longer knows (it warns and drops it),
 * a key it still requires, and values it rejects.
 */
export interface TargetFieldProblem {
  kind: 'dropped' | 'missing' | 'rejected';
  path: PathSegment[];
  message: string;
  at: Span | undefined;
}

/** Where the annotated keys live: the top level and `x_exec`. */
const MAPS: { path: PathSegment[]; schema: () => Schema }[] = [
  { path: [], schema: () => sbuildSchema() },
  { path: ['x_exec'], schema: () => ((sbuildSchema().$defs as Record<string, Schema>).xExec as Schema) },
];

/** The problems of a recipe for a target builder, found once however many rules ask (the arrays are shared: read only). */
export function targetFieldProblems(recipe: Recipe, target: string): TargetFieldProblem[] {
  return getOrMake(problemsByTarget(recipe), target, () => findProblems(recipe, target));
}

const problemsByTarget = perRecipe(() => new Map<string, TargetFieldProblem[]>());

/**
 * Whether `path` is a key the target builder drops, or lies inside one. The builder never reads what such a key holds,
 * so nothing in it is checked: `sbuild/unknown-key` reports the key itself, once.
 */
export function isDroppedByTarget(recipe: Recipe, target: string, path: readonly PathSegment[]): boolean {
  return targetFieldProblems(recipe, target).some(({ kind, path: dropped }) => kind === 'dropped' && dropped.every((segment, index) => path[index] === segment));
}

function findProblems(recipe: Recipe, target: string): TargetFieldProblem[] {
  const data = recipe.data;
  if (!isRecord(data)) return [];
  const problems: TargetFieldProblem[] = [];
  for (const { path, fields } of annotatedMaps()) {
    const value = path.length === 0 ? data : data[path[0] as string];
    if (!isRecord(value)) continue;
    for (const { key, since, removed, requiredUntil } of fields) {
      const keyPath = [...path, key];
      if (key in value) {
        if (since && !includesDate(target, since.date)) {
          problems.push({
            kind: 'dropped',
            path: keyPath,
            message: `'${fieldName(keyPath)}' is not known to the ${target} builder, which warns and drops it: it is accepted only since ${since.commit}, ${since.date}; remove it or target a later release`,
            at: recipe.keySpan(keyPath),
          });
        } else if (removed && includesDate(target, removed.date)) {
          problems.push({
            kind: 'dropped',
            path: keyPath,
            message: `'${fieldName(keyPath)}' is not known to the ${target} builder, which warns and drops it (unknown since ${removed.commit}, ${removed.date})${REMOVED_HINT[key] ?? ''}`,
            at: recipe.keySpan(keyPath),
          });
        }
      } else if (requiredUntil && !includesDate(target, requiredUntil.date)) {
        problems.push({
          kind: 'missing',
          path: keyPath,
          message: `${fieldName(keyPath)} is missing: the ${target} builder requires it (it is optional only since ${requiredUntil.commit}, ${requiredUntil.date})`,
          at: recipe.keySpan(path),
        });
      }
    }
  }
  appendAll(problems, rejectedValues(recipe, target));
  return problems;
}

interface Release {
  date: string;
  commit: string;
}

/** A key of one of `MAPS` with the builder releases its schema names. */
interface AnnotatedField {
  key: string;
  since: Release | undefined;
  removed: Release | undefined;
  requiredUntil: Release | undefined;
}

let annotated: { path: PathSegment[]; fields: AnnotatedField[] }[] | undefined;

/** The keys of `MAPS` that carry a release annotation, in schema order, read from the schema once. */
function annotatedMaps(): { path: PathSegment[]; fields: AnnotatedField[] }[] {
  annotated ??= MAPS.map(({ path, schema }) => {
    const properties = (schema().properties ?? {}) as Record<string, Schema>;
    const fields = Object.entries(properties).map(([key, property]) => ({
      key,
      since: annotation(property, 'x-since'),
      removed: annotation(property, 'x-removed'),
      requiredUntil: annotation(property, 'x-required-until'),
    }));
    return { path, fields: fields.filter((field) => field.since || field.removed || field.requiredUntil) };
  });
  return annotated;
}

const REMOVED_HINT: Record<string, string> = {
  icon: ': an AppImage carries its own icon; for other packages write ${PKG}.png or ${PKG}.svg into $SBUILD_OUTDIR in x_exec.run',
  desktop: ': an AppImage carries its own desktop file; for other packages write ${PKG}.desktop into $SBUILD_OUTDIR in x_exec.run',
  _disabled_reason: ': keep the reason in a comment',
  distro_pkg: ': use repology for the names of the package in distributions',
};

/** Values the target builder rejects although the schema, which describes every release, allows them. */
function rejectedValues(recipe: Recipe, target: string): TargetFieldProblem[] {
  const data = recipe.data as Record<string, unknown>;
  const problems: TargetFieldProblem[] = [];
  if (data.pkg_type === 'onelf' && !includes(target, 'onelf')) {
    problems.push({
      kind: 'rejected',
      path: ['pkg_type'],
      message: `pkg_type 'onelf' is rejected by the ${target} builder: it is accepted only since e26721a, 2026-06-14; target 2026-06 or use another type`,
      at: valueSpan(recipe, ['pkg_type']),
    });
  }
  if (Array.isArray(data.license) && includes(target, 'unknownDesktopIcon')) {
    data.license.forEach((item, index) => {
      if (!isRecord(item)) return;
      problems.push({
        kind: 'rejected',
        path: ['license', index],
        message: `license items must be plain strings for the ${target} builder, which rejects an {id, url, file} mapping (since 2f1f48e, 2026-02-17): write ${plainLicense(item.id)} and fetch the LICENSE file with a build_asset`,
        at: valueSpan(recipe, ['license', index]),
      });
    });
  }
  return problems;
}

/** What a license mapping's item becomes: its id, when that is one `sbuild/license` accepts, so that one fix does not lead to another finding. */
function plainLicense(id: unknown): string {
  if (typeof id !== 'string' || id.trim() === '') return 'its license id';
  return unknownLicenses(id).length === 0 ? `'${id}'` : `its SPDX id ('${id}' is not one)`;
}

function annotation(schema: Schema, name: string): Release | undefined {
  const value = schema[name];
  if (typeof value !== 'string') return undefined;
  const [date, commit] = value.split(' ');
  return date && commit ? { date, commit } : undefined;
}
