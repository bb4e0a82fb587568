import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText, type LintOutcome } from '../../src/core/lint.js';
import { defaultConfig } from '../../src/core/config.js';
import { defineRule } from '../../src/core/rule.js';
import { loadRules } from '../../src/core/registry.js';
import { fixText, MAX_FIX_PASSES, type Relint } from '../../src/fix/fix-text.js';
import { Recipe } from '../../src/recipe/recipe.js';
import { recipe } from '../helpers.js';
import { lintWithFixtures } from './fixture-rules.js';
import { generatedRecipe, type GeneratedRecipe } from './recipe-generator.js';

/** Every rule that offers a fix in these tests: the fixture rules and sbuild/shebang. */
const FIXABLE_RULE_IDS = [
  'fixture/disabled-string',
  'fixture/duplicate-items',
  'fixture/lowercase',
  'fixture/near-miss-key',
  'fixture/pkg-type-case',
  'fixture/quote-implicit',
  'sbuild/shebang',
];

async function registryLint(): Promise<Relint> {
  const rules = await loadRules();
  return (text) => lintText('recipe.yaml', text, { config: defaultConfig(), rules });
}

function lintWith(...rules: Parameters<typeof defineRule>[0][]): Relint {
  return (text) => lintText('recipe.yaml', text, { config: defaultConfig(), rules });
}

describe('fixText', () => {
  it('adds a missing #!/SBUILD line with the real rule and reports what is left', async () => {
    const text = recipe('pkg: a # keep', 'pkg_id: "x"');
    const result = await fixText(text, await registryLint());
    expect(result.text).toBe(recipe('#!/SBUILD ver @v1.0.0', 'pkg: a # keep', 'pkg_id: "x"'));
    expect(result.fixed.map((d) => d.ruleId)).toEqual(['sbuild/shebang']);
    expect(result.passes).toBe(1);
    expect(result.outcome.result.diagnostics.filter((d) => d.fix)).toEqual([]);
  });

  it('fixes every fixture kind, in a second pass where fixes depend on each other, keeping comments and quoting', async () => {
    const text = recipe(
      '_disabled: "false" # was a string',
      "pkg_tpye: 'FlatImage'",
      'pkgver: 1.10',
      'x_exec:',
      '  # the hosts',
      '  arch:',
      "    - 'X86_64'",
      '    - x86_64',
    );
    const result = await fixText(text, lintWithFixtures);
    expect(result.text).toBe(
      recipe('#!/SBUILD ver @v1.0.0', '_disabled: false # was a string', "pkg_type: 'flatimage'", 'pkgver: "1.10"', 'x_exec:', '  # the hosts', '  arch:', "    - 'x86_64'"),
    );
    expect(result.passes).toBe(2);
    expect(result.fixed.map((d) => d.ruleId).sort()).toEqual(FIXABLE_RULE_IDS);
  });

  it('never touches a file with YAML syntax errors that yaml/syntax offers no fix for', async () => {
    const text = 'pkgver: 1.10\nx_exec: [unclosed\n';
    const result = await fixText(text, lintWithFixtures);
    expect(result).toMatchObject({ text, passes: 0, stopped: 'syntax-errors', fixed: [] });
  });

  it('of a file with YAML syntax errors applies only the fixes of yaml/syntax, then the others once it parses', async () => {
    const syntax = (await loadRules()).find((rule) => rule.id === 'yaml/syntax')!;
    const seen: boolean[] = [];
    const marker = defineRule({
      id: 'fixture/marker',
      description: 'offers a comment at the end, on broken YAML too',
      severity: 'warning',
      fixable: 'safe',
      runsOnBrokenYaml: true,
      check({ recipe, report }) {
        seen.push(recipe.hasSyntaxErrors);
        if (!recipe.text.endsWith('# checked\n')) report({ message: 'mark', fix: { start: recipe.text.length, end: recipe.text.length, text: '# checked\n' } });
      },
    });
    const text = 'pkg: a\nx_exec:\n  run: |\n    echo a\nif true; then\n  echo b\nfi\n';
    const result = await fixText(text, lintWith(syntax, marker));
    expect(result.text).toBe('pkg: a\nx_exec:\n  run: |\n    echo a\n    if true; then\n      echo b\n    fi\n# checked\n');
    expect(result.fixed.map((d) => d.ruleId)).toEqual(['yaml/syntax', 'fixture/marker']);
    expect(seen.slice(0, 2)).toEqual([true, false]);
  });

  it('drops a fix that would break the YAML and still applies the others', async () => {
    const breaking = defineRule({
      id: 'fixture/breaks',
      description: 'offers a fix that opens a flow sequence',
      severity: 'warning',
      fixable: 'safe',
      check({ recipe, report }) {
        if (recipe.text.includes('pkg: a')) report({ message: 'break it', fix: { start: 5, end: 6, text: '[a' } });
      },
    });
    const quote = defineRule({
      id: 'fixture/quote',
      description: 'quotes b',
      severity: 'warning',
      fixable: 'safe',
      check({ recipe, report }) {
        const at = recipe.text.indexOf('b: 2');
        if (at !== -1) report({ message: 'quote', fix: { start: at + 3, end: at + 4, text: '"2"' } });
      },
    });
    const result = await fixText('pkg: a\nb: 2\n', lintWith(breaking, quote));
    expect(result.text).toBe('pkg: a\nb: "2"\n');
    expect(result.fixed.map((d) => d.ruleId)).toEqual(['fixture/quote']);
  });

  it('applies the safe fixes only, and the unsafe ones too when asked', async () => {
    const text = recipe('pkg: a', 'pkg_id: "x"', 'pkg_tpye: static');
    const relint = await registryLint();
    const safeOnly = await fixText(text, relint);
    expect(safeOnly.text).toBe(recipe('#!/SBUILD ver @v1.0.0', 'pkg: a', 'pkg_id: "x"', 'pkg_tpye: static'));
    expect(safeOnly.outcome.result.diagnostics.filter((d) => d.fix).map((d) => [d.ruleId, d.fixSafety])).toEqual([['sbuild/unknown-key', 'unsafe']]);
    const all = await fixText(text, relint, undefined, { unsafeFixes: true });
    expect(all.text).toBe(recipe('#!/SBUILD ver @v1.0.0', 'pkg: a', 'pkg_id: "x"', 'pkg_type: static'));
    expect(all.fixed.map((d) => d.ruleId).sort()).toEqual(['sbuild/shebang', 'sbuild/unknown-key']);
  });

  it('stops after the pass limit when fixes never settle', async () => {
    const endless = defineRule({
      id: 'fixture/endless',
      description: 'always wants one more comment',
      severity: 'warning',
      fixable: 'safe',
      check({ report }) {
        report({ message: 'more', fix: { start: 0, end: 0, text: '#\n' } });
      },
    });
    const result = await fixText('a: 1\n', lintWith(endless));
    expect(result.stopped).toBe('pass-limit');
    expect(result.passes).toBe(MAX_FIX_PASSES);
    expect(result.text).toBe('#\n'.repeat(MAX_FIX_PASSES) + 'a: 1\n');
  });
});

/**
 * True when the fixed text keeps every line without a defect, byte for byte and in order, and has in its place at most
 * one line for each defect line (plus the shebang line when it was missing).
 */
function changesOnlyDefects(generated: GeneratedRecipe, fixed: string): boolean {
  const before = generated.text.split(/(?<=\n)/);
  const after = fixed.split(/(?<=\n)/);
  let allowance = generated.missingShebang ? 1 : 0;
  let next = 0;
  for (const [index, line] of before.entries()) {
    if (generated.defectLines.has(index)) {
      allowance++;
      continue;
    }
    const window = after.slice(next, next + allowance + 1);
    const found = window.indexOf(line);
    if (found === -1) return false;
    next += found + 1;
    allowance = 0;
  }
  return after.length - next <= allowance;
}

/** With every fix applied, unsafe ones included (key renames are among the defects). */
async function checkFixProperties(generated: GeneratedRecipe, relint: Relint, expectIntendedData: boolean) {
  const all = { unsafeFixes: true };
  const result = await fixText(generated.text, relint, undefined, all);
  expect(result.stopped).toBeUndefined();
  const fixedRecipe = new Recipe('recipe.yaml', result.text);
  expect(fixedRecipe.hasSyntaxErrors).toBe(false);
  expect(fixedRecipe.document?.errors).toEqual([]);
  expect(result.outcome.result.diagnostics.filter((d) => d.fix)).toEqual([]);
  expect(changesOnlyDefects(generated, result.text)).toBe(true);
  if (generated.text.includes('\r\n')) expect(result.text).not.toMatch(/[^\r]\n/);
  if (expectIntendedData) expect(fixedRecipe.data).toEqual(generated.intended);
  const again = await fixText(result.text, relint, undefined, all);
  expect(again.text).toBe(result.text);
  expect(again.fixed).toEqual([]);
}

describe('fix properties on generated recipes', () => {
  it('with the fixture fixes: the result parses, means the intended data, has no fixable problem left, changed only defect lines, and a second fix is a no-op', async () => {
    await fc.assert(fc.asyncProperty(generatedRecipe, (generated) => checkFixProperties(generated, lintWithFixtures, true)), { numRuns: 150 });
  });

  it('with the shipped rules: the same properties for whatever fixes the rules offer', async () => {
    const relint = await registryLint();
    await fc.assert(fc.asyncProperty(generatedRecipe, (generated) => checkFixProperties(generated, relint, false)), { numRuns: 150 });
  });

  it('the line check rejects a change outside the defect lines', () => {
    const generated: GeneratedRecipe = { text: 'a: 1\nb: 2\nc: 3\n', defectLines: new Set([1]), missingShebang: false, intended: {} };
    expect(changesOnlyDefects(generated, 'a: 1\nb: "2"\nc: 3\n')).toBe(true);
    expect(changesOnlyDefects(generated, 'a: 1\nc: 3\n')).toBe(true);
    expect(changesOnlyDefects(generated, 'a: 1\nb: 2\nc: 4\n')).toBe(false);
    expect(changesOnlyDefects(generated, '#!/SBUILD\na: 1\nb: 2\nc: 3\n')).toBe(false);
    expect(changesOnlyDefects(generated, 'a: 1\nb: 2\nx: 0\nc: 3\n')).toBe(false);
  });

  it('generates every defect kind (the generator is not vacuous)', async () => {
    const samples = fc.sample(generatedRecipe, { numRuns: 200, seed: 42 });
    const ids = new Set<string>();
    for (const generated of samples) {
      const outcome: LintOutcome = await lintWithFixtures(generated.text);
      for (const d of outcome.result.diagnostics) if (d.fix) ids.add(d.ruleId);
    }
    expect([...ids].sort()).toEqual(FIXABLE_RULE_IDS);
  });
});
