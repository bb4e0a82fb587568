import { isSeq } from 'yaml';
import { defineRule } from '../../core/rule.js';
import { includes } from '../../sbuild/builder-release.js';

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

    const versionKeys = includes(target, 'versionAlias') ? ['pkgver', 'version'] : ['pkgver'];
    const hardCoded = versionKeys.some((key) => typeof fields[key] === 'string' && (fields[key] as string).trim() !== '');
    if (!hardCoded) {
      const script = xExec.pkgver;
      if (script === undefined || script === null) {
        report({
          message: `The recipe has no version source: neither a top-level ${versionKeys.join(' nor ')} nor x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: add an x_exec.pkgver script that prints the version, or a pkgver`,
          at: recipe.pair(['x_exec'])?.key ?? recipe.keySpan(['x_exec']),
        });
      } else if (typeof script === 'string' && script.trim() === '') {
        report({
          message: 'x_exec.pkgver is empty and nothing else gives a version: the builder runs it, gets no output and fails the build; write a script that prints the version',
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
