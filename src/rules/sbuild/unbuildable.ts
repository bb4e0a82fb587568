import { isScalar, isSeq } from 'yaml';
import { defineRule } from '../../core/rule.js';
import type { Recipe } from '../../recipe/recipe.js';
import { cite } from '../../sbuild/builder-release.js';
import { valueSpan } from '../../sbuild/locate.js';
import { isSilentScript, versionFields } from '../../sbuild/version-source.js';
import { isRecord } from '../../core/is-record.js';

/** The host restrictions the builder compares with its own architecture and OS, and how it aborts. */
const RESTRICTIONS = [
  { key: 'arch', abort: 'Unsupported architecture. Aborting...' },
  { key: 'os', abort: 'Unsupported OS. Aborting...' },
  { key: 'host', abort: 'Unsupported HOST. Aborting...' },
] as const;

export default defineRule({
  id: 'sbuild/unbuildable',
  description: 'Recipes that the builder accepts but can never build: no version source, an empty arch, os or host list',
  severity: 'error',
  check({ recipe, report, settings }) {
    const fields = recipe.fields;
    const xExec = fields?.x_exec;
    if (!fields || !isRecord(xExec)) return;
    // A disabled recipe is skipped before any of this matters.
    if (fields._disabled === true) return;
    const { target } = settings;

    const version = versionFields(fields, target);
    // A version of another type than string makes the builder reject the recipe from 2f1f48e on: sbuild/implicit-type
    // or sbuild/schema reports that, and the recipe never gets as far as a build.
    const rejected = version.mistyped !== undefined && !version.mistyped.dropped;
    if (!version.hardCoded && !rejected) {
      const script = xExec.pkgver;
      // Before 2f1f48e, the builder dropped it without a message: the cause this rule reports, once.
      const dropped = version.mistyped && `the ${target} builder drops the top-level ${version.mistyped.key} ${shown(recipe, version.mistyped.key)} without a message because it is not a string (it rejects it from ${cite('typedScalars')} on), and `;
      const quote = version.mistyped && scalarText(recipe, version.mistyped.key);
      if (script === undefined || script === null) {
        report({
          message: dropped
            ? `The recipe has no version source: ${dropped}there is no x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: ${quote ? `quote the value, ${version.mistyped!.key}: "${quote}"` : `write ${version.mistyped!.key} as a quoted string`}, or add an x_exec.pkgver script`
            : `The recipe has no version source: neither a top-level ${version.keys.join(' nor ')} nor x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: add an x_exec.pkgver script that prints the version, or a pkgver`,
          at: dropped ? valueSpan(recipe, [version.mistyped!.key]) : (recipe.pair(['x_exec'])?.key ?? recipe.keySpan(['x_exec'])),
        });
      } else if (typeof script === 'string' && isSilentScript(script)) {
        const empty = script.trim() === '' ? 'is empty' : 'holds only comments';
        report({
          message: dropped
            ? `x_exec.pkgver ${empty} and ${dropped}nothing else gives a version: the builder runs the script, gets no output and fails the build; write a script that prints the version${quote ? `, or quote the value, ${version.mistyped!.key}: "${quote}"` : ''}`
            : `x_exec.pkgver ${empty} and nothing else gives a version: the builder runs it, gets no output and fails the build; write a script that prints the version`,
          at: recipe.pair(['x_exec', 'pkgver'])?.key ?? recipe.keySpan(['x_exec', 'pkgver']),
        });
      }
    }

    for (const { key, abort } of RESTRICTIONS) {
      const node = recipe.node(['x_exec', key]);
      if (!isSeq(node) || node.items.length > 0) continue;
      report({
        message: `x_exec.${key} is an empty list: the builder's linter accepts it, but no ${key === 'host' ? 'host' : key === 'os' ? 'OS' : 'architecture'} matches, so every build stops with '${abort}'; list the supported values or remove the key`,
        at: node,
      });
    }
  },
});


/** The value of a top-level key as written, for a message: `1.10`, or `(a list)`. */
function shown(recipe: Recipe, key: string): string {
  const text = scalarText(recipe, key);
  if (text !== undefined) return text;
  const value = recipe.fields?.[key];
  return Array.isArray(value) ? '(a list)' : typeof value === 'object' ? '(a map)' : String(value);
}

/** The source text of a plain scalar at a top-level key. */
function scalarText(recipe: Recipe, key: string): string | undefined {
  const node = recipe.node([key]);
  if (!isScalar(node) || !node.range || node.type !== 'PLAIN') return undefined;
  return recipe.text.slice(node.range[0], node.range[1]);
}
