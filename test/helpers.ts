import { visit, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintText, lintBytes, type LintOutcome } from '../src/core/lint.js';
import { loadRules } from '../src/core/registry.js';
import { defaultConfig, type Config, type RuleLevel, type Settings } from '../src/core/config.js';
import type { Diagnostic, FixSafety, Severity } from '../src/core/diagnostic.js';
import type { Rule, RuleContext } from '../src/core/rule.js';
import type { Recipe } from '../src/recipe/recipe.js';
import { fixText } from '../src/fix/fix-text.js';
import { precompiledValidator } from '../src/schemas/precompiled.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusFiles as listCorpusFiles } from '../bench/synthetic.js';

/** `ruleId line:column-endLine:endColumn message` lines: compact and exact, for assertions. */
export type Compact = string;

export interface LintTestOptions {
  /** Only report these rule ids (other rules still run). Defaults to all. */
  only?: string | string[];
  config?: Partial<Config>;
  path?: string;
}

export async function lint(text: string | Uint8Array, options: LintTestOptions = {}): Promise<Diagnostic[]> {
  const outcome = await lintOutcome(text, options);
  const only = options.only === undefined ? undefined : ([] as string[]).concat(options.only);
  return outcome.result.diagnostics.filter((d) => !only || only.some((id) => d.ruleId === id || d.ruleId.startsWith(`${id}/`)));
}

export async function lintOutcome(text: string | Uint8Array, options: LintTestOptions = {}): Promise<LintOutcome> {
  const rules = await loadRules();
  const config = { ...testConfig(), ...options.config };
  const path = options.path ?? 'recipe.yaml';
  return typeof text === 'string' ? lintText(path, text, { config, rules, keepSource: true }) : lintBytes(path, text, { config, rules, keepSource: true });
}

/**
 * The default configuration without ShellCheck, so that results do not depend on whether it is installed; the
 * ShellCheck tests turn it on.
 */
export function testConfig(): Config {
  const config = defaultConfig();
  config.settings.shellcheck.enabled = false;
  return config;
}

/** The test configuration for recipes written for a builder release (`YYYY-MM`). */
export function atTarget(target: string): Partial<Config> {
  const config = testConfig();
  config.settings.target = target;
  return config;
}

/** Diagnostics as `ruleId@line:column` strings: the shape most assertions need. */
export async function positions(text: string, options: LintTestOptions = {}): Promise<string[]> {
  return (await lint(text, options)).map((d) => `${d.ruleId}@${d.line}:${d.column}`);
}

/** Diagnostics with their end, severity and message. */
export function compact(d: Diagnostic): Compact {
  return `${d.ruleId} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;
}

/** Joins lines into a recipe text; keeps tests readable. */
export function recipe(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A minimal valid recipe, to which tests add or override fields. */
export const VALID_RECIPE = recipe(
  '#!/SBUILD ver @v1.0.0',
  '_disabled: false',
  'pkg: "hello"',
  'pkg_id: "github.com.example.hello"',
  'pkg_type: "static"',
  'category:',
  '  - "Utility"',
  'description: "Prints a greeting"',
  'homepage:',
  '  - "https://github.com/example/hello"',
  'maintainer:',
  '  - "Jane Doe (https://github.com/jane)"',
  'src_url:',
  '  - "https://github.com/example/hello"',
  'x_exec:',
  '  shell: "bash"',
  '  pkgver: |',
  '    echo "1.0.0"',
  '  run: |',
  '    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes',
);

export const corpusRoot = fileURLToPath(new URL('../../shared/corpus/soarpkgs-2025-11/', import.meta.url));
export const hasCorpus = existsSync(corpusRoot);

/** Every recipe file of the corpus (or of a copy of it): everything but its LICENSE. */
export function corpusFiles(root = corpusRoot): string[] {
  return listCorpusFiles(root);
}


/**
 * The same recipe with the text of its `x_exec.run` block (the last field) anchored as `x_script: &s |` just before
 * `x_exec`, and `run: *s`: script line n is then file line (line of x_exec in the original) + n - 1.
 */
export function withAliasedRun(text: string): string {
  const marker = '  run: |\n';
  const at = text.lastIndexOf(marker);
  const head = text.slice(0, at);
  const xExec = head.lastIndexOf('x_exec:\n');
  return `${head.slice(0, xExec)}x_script: &s |\n${text.slice(at + marker.length)}${head.slice(xExec)}  run: *s\n`;
}

/**
 * The head of a recipe, from its `#!/SBUILD` line on, completed with every top-level field of `VALID_RECIPE` that it
 * does not define. The fields are appended after it, so each line of the fragment keeps its number: the positions of
 * diagnostics in the completed file are the positions in the fragment as an editor shows it.
 */
export function completeRecipe(fragment: string): string {
  if (!fragment.startsWith('#!/SBUILD')) throw new Error(`a recipe fragment starts with its '#!/SBUILD' line, so that its lines keep their numbers:\n${fragment}`);
  const defined = new Set(topLevelFields(fragment).map((field) => field.key));
  const missing = topLevelFields(VALID_RECIPE).filter((field) => !defined.has(field.key));
  const head = fragment.endsWith('\n') ? fragment : `${fragment}\n`;
  return head + missing.map((field) => field.text).join('');
}

/** The top-level fields of a recipe text: each key with its lines (up to the next line at column 1). */
function topLevelFields(text: string): { key: string; text: string }[] {
  const fields: { key: string; text: string }[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    const key = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-?][^:]*?))\s*:(?:\s|$)/.exec(line);
    if (key) fields.push({ key: key[1] ?? key[2] ?? key[3]!, text: line });
    else if (fields.length > 0 && /^(?:\s|$)/.test(line)) fields[fields.length - 1]!.text += line;
  }
  return fields;
}

/** A diagnostic as a test expects it: `ruleId` defaults to the rule under test; end and severity are checked when given. */
export interface ExpectedDiagnostic {
  ruleId?: string;
  /** The exact message, or a pattern it must match. */
  message: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** The kind of fix offered (`safe` or `unsafe`), or `none`. */
  fix?: FixSafety | 'none';
}

export interface RuleTestCase {
  /** A name for the test; defaults to the first line that differs from `VALID_RECIPE`. */
  name?: string;
  /** The whole file, as an editor shows it (or its bytes). Exactly one of `code` and `fragment`. */
  code?: string | Uint8Array;
  /** The head of a recipe, completed by `completeRecipe`: positions are those of the completed file, which are the fragment's own. */
  fragment?: string;
  /** The rule's options. */
  options?: Record<string, unknown>;
  /** Merged into the test settings (ShellCheck off, default target). */
  settings?: DeepPartial<Settings>;
  /** The level of the rule under test; defaults to its own severity. */
  level?: RuleLevel;
  /** Settings of other rules. */
  rules?: Config['rules'];
  path?: string;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  /** Every diagnostic of the rule, in order: objects, or exact `compact()` lines. */
  errors: (ExpectedDiagnostic | Compact)[];
  /**
   * The text after `--fix --unsafe-fixes` applied the rule's fixes with the fix engine, or null when the rule offers no
   * fix here. Whether `--fix` alone applies them is the rule's `fixable` (or the problem's `fixSafety`).
   */
  output: string | null;
  /** The text after `--fix` alone (safe fixes only), when the case states it: null when `--fix` changes nothing. */
  safeOutput?: string | null;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What one rule reports on one file, linted with every rule as the command line does. */
export interface RuleRun {
  rule: Rule;
  text: string;
  config: Config;
  /** The rule's diagnostics: its own id and the sub-ids it reported (e.g. `shell/SC2086`). */
  diagnostics: Diagnostic[];
  outcome: LintOutcome;
  /** Lints a text again with the same configuration, keeping only the rule's diagnostics (for the fix engine). */
  relint(text: string): Promise<LintOutcome>;
  /** Set when the rule changed the parsed recipe. */
  mutated?: string;
}

/** The configuration of a test case: the test configuration with the rule under test turned on. */
export function ruleTestConfig(rule: Rule, testCase: RuleTestCase = {}): Config {
  const config = testConfig();
  merge(config.settings, testCase.settings ?? {});
  // ShellCheck's findings are switched on in the settings, not by the rule's level.
  if (rule.id === 'shell/shellcheck' && testCase.settings?.shellcheck?.enabled === undefined) config.settings.shellcheck.enabled = true;
  // A rule on by default keeps the severities it reports (e.g. ShellCheck levels) unless the case sets a level.
  const level = testCase.level ?? (testCase.options || rule.optIn ? rule.severity : undefined);
  config.rules = { ...testCase.rules };
  if (level) config.rules[rule.id] = testCase.options ? [level, testCase.options] : level;
  return config;
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)) {
      merge(current as Record<string, unknown>, value as Record<string, unknown>);
    } else target[key] = value;
  }
}

export async function findRule(ruleId: string): Promise<Rule> {
  const rule = (await loadRules()).find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule '${ruleId}'`);
  return rule;
}

/** The text a case lints. */
export function caseCode(testCase: RuleTestCase): string | Uint8Array {
  if ((testCase.code === undefined) === (testCase.fragment === undefined)) throw new Error('a test case gives exactly one of code and fragment');
  return testCase.code ?? completeRecipe(testCase.fragment!);
}

/**
 * Lints a case's file with every rule, keeping the diagnostics of one rule. The rule runs wrapped: what it reports
 * under a sub-id is attributed to it, and the parsed recipe is compared before and after its check.
 */
export async function runRule(ruleOrId: string | Rule, testCase: RuleTestCase): Promise<RuleRun> {
  const rule = typeof ruleOrId === 'string' ? await findRule(ruleOrId) : ruleOrId;
  if (testCase.options) checkOptions(rule, testCase.options);
  const config = ruleTestConfig(rule, testCase);
  const subIds = new Set<string>();
  let mutated: string | undefined;
  const watched: Rule = {
    ...rule,
    check: async (context: RuleContext) => {
      const before = recipeSnapshot(context.recipe);
      const report: RuleContext['report'] = (problem) => {
        if (problem.ruleId) subIds.add(problem.ruleId);
        context.report(problem);
      };
      const defer: RuleContext['defer'] = (wait) =>
        context.defer((deferred) =>
          wait({
            ...deferred,
            report: (problem) => {
              if (problem.ruleId) subIds.add(problem.ruleId);
              deferred.report(problem);
            },
          }),
        );
      try {
        await rule.check?.({ ...context, report, defer });
      } finally {
        const after = recipeSnapshot(context.recipe);
        if (after !== before) mutated ??= `${rule.id} changed the parsed recipe:\nbefore: ${before.slice(0, 2000)}\nafter:  ${after.slice(0, 2000)}`;
      }
    },
  };
  if (rule.collect) {
    watched.collect = (context) => {
      const before = recipeSnapshot(context.recipe);
      const data = rule.collect!(context);
      if (recipeSnapshot(context.recipe) !== before) mutated ??= `${rule.id} changed the parsed recipe while collecting`;
      return data;
    };
  }
  const loaded = await loadRules();
  const rules = loaded.some((candidate) => candidate.id === rule.id) ? loaded.map((candidate) => (candidate.id === rule.id ? watched : candidate)) : [...loaded, watched];
  const path = testCase.path ?? 'recipe.yaml';
  const own = (outcome: LintOutcome): LintOutcome => ({
    ...outcome,
    result: { ...outcome.result, diagnostics: outcome.result.diagnostics.filter((d) => d.ruleId === rule.id || subIds.has(d.ruleId)) },
  });
  const relint = async (text: string) => own(await lintText(path, text, { config, rules, keepSource: true }));
  const code = caseCode(testCase);
  const outcome = own(typeof code === 'string' ? await lintText(path, code, { config, rules, keepSource: true }) : await lintBytes(path, code, { config, rules, keepSource: true }));
  const run: RuleRun = { rule, text: outcome.result.source ?? '', config, diagnostics: outcome.result.diagnostics, outcome, relint };
  if (mutated) run.mutated = mutated;
  return run;
}

/** A case's options must be ones a configuration file may give: the configuration schema holds every rule's options. */
function checkOptions(rule: Rule, options: Record<string, unknown>): void {
  const validate = precompiledValidator('config');
  if (!validate({ rules: { [rule.id]: [rule.severity, options] } })) {
    throw new Error(`invalid options for ${rule.id}: ${JSON.stringify(options)}: ${(validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`).join('; ')}`);
  }
}

/** The parsed recipe as text: every node's type, range, value, tag and anchor, and the plain data. */
function recipeSnapshot(recipe: Recipe): string {
  const parts: string[] = [recipe.text];
  for (const document of recipe.documents as Document[]) {
    visit(document, (key, node) => {
      if (!node) return;
      const n = node as { type?: string; range?: unknown; value?: unknown; source?: unknown; tag?: string; anchor?: string; comment?: unknown; commentBefore?: unknown; items?: unknown[] };
      parts.push(JSON.stringify([key, n.type, n.range, typeof n.value === 'object' ? undefined : n.value, n.source, n.tag, n.anchor, n.comment, n.commentBefore, n.items?.length]));
    });
  }
  try {
    parts.push(JSON.stringify(recipe.data) ?? 'undefined');
  } catch (error) {
    parts.push(String(error));
  }
  return parts.join('\n');
}

/**
 * The text after the fix engine applied the rule's fixes, safe and unsafe, or null when that changes nothing (as
 * ESLint's `output: null`).
 */
export async function fixedOutput(run: RuleRun, { unsafeFixes = true } = {}): Promise<string | null> {
  if (!run.diagnostics.some((d) => d.fix)) return null;
  const { text } = await fixText(run.text, run.relint, run.outcome, { unsafeFixes });
  return text === run.text ? null : text;
}

function project(actual: Diagnostic, expected: ExpectedDiagnostic | Compact | undefined): ExpectedDiagnostic | Compact {
  if (expected === undefined || typeof expected === 'string') return compact(actual);
  const matches = expected.message instanceof RegExp && expected.message.test(actual.message);
  const shown: ExpectedDiagnostic = { ruleId: actual.ruleId, message: matches ? expected.message : actual.message, line: actual.line, column: actual.column };
  if (expected.endLine !== undefined) shown.endLine = actual.endLine;
  if (expected.endColumn !== undefined) shown.endColumn = actual.endColumn;
  if (expected.severity !== undefined) shown.severity = actual.severity;
  if (expected.fix !== undefined) shown.fix = actual.fix ? (actual.fixSafety ?? 'safe') : 'none';
  return shown;
}

function withRuleId(expected: ExpectedDiagnostic | Compact, ruleId: string): ExpectedDiagnostic | Compact {
  return typeof expected === 'string' ? expected : { ruleId, ...expected };
}

function caseName(testCase: RuleTestCase, index: number): string {
  if (testCase.name) return testCase.name;
  const code = testCase.code ?? testCase.fragment ?? '';
  if (typeof code !== 'string') return `#${index + 1} (bytes)`;
  const standard = new Set(VALID_RECIPE.split('\n'));
  const own = code.split('\n').filter((line) => line && !standard.has(line));
  return `#${index + 1}: ${own.slice(0, 3).join(' ⏎ ').slice(0, 120) || 'the standard recipe'}`;
}

/** Fails when a rule changed the recipe. (A fix from a rule without `fixable` is refused by the engine itself.) */
export function checkContract(run: RuleRun): void {
  expect(run.mutated, 'the rule must only read the parsed recipe').toBeUndefined();
}

/**
 * ESLint's RuleTester for fim-lint rules: each `valid` case yields no diagnostic of the rule; each `invalid` case
 * yields exactly `errors`, and `output` is the file after `--fix --unsafe-fixes` (the fix engine of src/fix/) applied
 * the rule's fixes, or null when it offers none. The file is linted with every rule, as the command line does, and only the
 * rule's own diagnostics count. Every case also checks that the rule left the parsed recipe unchanged.
 */
export const ruleTester = {
  run(ruleId: string, tests: { valid: (RuleTestCase | string)[]; invalid: InvalidRuleTestCase[] }, options: { skipIf?: boolean } = {}): void {
    const valid = tests.valid.map((testCase) => (typeof testCase === 'string' ? { code: testCase } : testCase));
    const seen = new Set<string>();
    for (const testCase of [...valid, ...tests.invalid]) {
      const key = JSON.stringify({ ...testCase, name: undefined, errors: undefined, output: undefined, code: typeof testCase.code === 'string' ? testCase.code : testCase.code && [...testCase.code] });
      if (seen.has(key)) throw new Error(`${ruleId}: duplicate test case ${caseName(testCase, 0)}`);
      seen.add(key);
    }
    describe.skipIf(options.skipIf ?? false)(`${ruleId} (rule tester)`, () => {
      if (valid.length > 0) describe('valid', () => {
        valid.forEach((testCase, index) => {
          it(caseName(testCase, index), async () => {
            const run = await runRule(ruleId, testCase);
            checkContract(run);
            expect(run.diagnostics.map(compact)).toEqual([]);
          });
        });
      });
      if (tests.invalid.length > 0) describe('invalid', () => {
        tests.invalid.forEach((testCase, index) => {
          it(caseName(testCase, index), async () => {
            if (testCase.errors.length === 0) throw new Error('an invalid case expects at least one diagnostic');
            const run = await runRule(ruleId, testCase);
            checkContract(run);
            const expected = testCase.errors.map((error) => withRuleId(error, ruleId));
            expect(run.diagnostics.map((d, i) => project(d, expected[i]))).toEqual(expected);
            if (testCase.output === run.text) throw new Error('output equals the code: write output: null for "no fix"');
            expect(await fixedOutput(run), testCase.output === null ? 'the rule offers no fix here' : 'the text after --fix --unsafe-fixes').toBe(testCase.output);
            if (testCase.safeOutput !== undefined) expect(await fixedOutput(run, { unsafeFixes: false }), 'the text after --fix alone').toBe(testCase.safeOutput);
          });
        });
      });
    });
  },
};
