/**
 * Test-only stand-ins for the fix kinds of the sbuild and flatimage rules (quoting implicit numbers and booleans,
 * `_disabled: "false"`, lowercasing x_exec lists, duplicate list items, near-miss keys, `pkg_type` case), so that the
 * fix engine is exercised on every kind of edit. They are deliberately simple and are not the shipped rules.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { lintText, type LintOutcome } from '../../src/core/lint.js';
import { defaultConfig } from '../../src/core/config.js';
import { defineRule, type Rule } from '../../src/core/rule.js';
import type { Recipe } from '../../src/recipe/recipe.js';
import shebang from '../../src/rules/sbuild/shebang.js';

const PKG_TYPES = ['appbundle', 'appimage', 'archive', 'dynamic', 'flatimage', 'gameimage', 'nixappimage', 'onelf', 'runimage', 'static'];
const LISTS: (string | number)[][] = [['category'], ['homepage'], ['src_url'], ['x_exec', 'arch'], ['x_exec', 'os'], ['x_exec', 'host']];

/** The source between the quotes of a scalar (or all of a plain one). */
function inner(recipe: Recipe, node: Scalar): { start: number; end: number } {
  const [start, end] = node.range!;
  return node.type === 'PLAIN' ? { start, end } : { start: start + 1, end: end - 1 };
}

const quoteImplicit = defineRule({
  id: 'fixture/quote-implicit',
  description: 'pkgver must be a string',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report }) {
    const node = recipe.node(['pkgver']);
    if (!isScalar(node) || !node.range || node.type !== 'PLAIN' || typeof node.value === 'string' || node.value === null) return;
    const [start, end] = node.range;
    report({ message: 'quote pkgver', at: node, fix: { start, end, text: `"${recipe.text.slice(start, end)}"` } });
  },
});

const disabledString = defineRule({
  id: 'fixture/disabled-string',
  description: '_disabled is a boolean',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report }) {
    const node = recipe.node(['_disabled']);
    if (!isScalar(node) || !node.range || (node.value !== 'false' && node.value !== 'true')) return;
    report({ message: 'unquote _disabled', at: node, fix: { start: node.range[0], end: node.range[1], text: String(node.value) } });
  },
});

const lowercaseLists = defineRule({
  id: 'fixture/lowercase',
  description: 'x_exec arch, os and host are lowercase',
  severity: 'warning',
  fixable: 'safe',
  check({ recipe, report }) {
    for (const field of ['arch', 'os', 'host']) {
      const list = recipe.node(['x_exec', field]);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isScalar(item) || typeof item.value !== 'string' || item.value === item.value.toLowerCase() || !item.range) continue;
        const span = inner(recipe, item);
        report({ message: 'lowercase', at: item as Node, fix: { ...span, text: recipe.text.slice(span.start, span.end).toLowerCase() } });
      }
    }
  },
});

const duplicateItems = defineRule({
  id: 'fixture/duplicate-items',
  description: 'list items are unique',
  severity: 'warning',
  fixable: 'safe',
  check({ recipe, report }) {
    for (const path of LISTS) {
      const list = recipe.node(path);
      if (!isSeq(list) || list.flow) continue;
      const seen = new Set<unknown>();
      for (const item of list.items) {
        if (!isScalar(item) || !item.range) continue;
        if (!seen.has(item.value)) {
          seen.add(item.value);
          continue;
        }
        const lineStart = recipe.text.lastIndexOf('\n', item.range[0] - 1) + 1;
        const next = recipe.text.indexOf('\n', item.range[1]);
        report({ message: 'duplicate', at: item as Node, fix: { start: lineStart, end: next === -1 ? recipe.text.length : next + 1, text: '' } });
      }
    }
  },
});

const nearMissKey = defineRule({
  id: 'fixture/near-miss-key',
  description: 'pkg_tpye means pkg_type',
  severity: 'warning',
  fixable: 'safe',
  check({ recipe, report }) {
    const contents = recipe.document?.contents;
    if (!isMap(contents) || recipe.pair(['pkg_type'])) return;
    const key = recipe.pair(['pkg_tpye'])?.key;
    if (!key?.range) return;
    report({ message: 'rename', at: key, fix: { start: key.range[0], end: key.range[1], text: 'pkg_type' } });
  },
});

const pkgTypeCase = defineRule({
  id: 'fixture/pkg-type-case',
  description: 'pkg_type is lowercase',
  severity: 'error',
  fixable: 'safe',
  check({ recipe, report }) {
    const node = recipe.node(['pkg_type']);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const lower = node.value.toLowerCase();
    if (lower === node.value || !PKG_TYPES.includes(lower)) return;
    const span = inner(recipe, node);
    report({ message: 'lowercase pkg_type', at: node, fix: { ...span, text: lower } });
  },
});

export const fixtureRules: Rule[] = [shebang as Rule, quoteImplicit, disabledString, lowercaseLists, duplicateItems, nearMissKey, pkgTypeCase] as Rule[];

export function lintWithFixtures(text: string): Promise<LintOutcome> {
  return lintText('recipe.yaml', text, { config: defaultConfig(), rules: fixtureRules });
}
