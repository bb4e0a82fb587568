import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { Recipe, type DecodeFailure } from '../recipe/recipe.js';
import { decodeRecipeBytes } from '../recipe/decode.js';
import { isRuleEnabled, ruleSetting, type Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { toDiagnostic } from './report.js';
import { locationSpan, optionsWithDefaults, type Problem, type Rule, type RuleContext } from './rule.js';
import { Suppressions } from './suppressions.js';
import type { Deadline } from './deadline.js';
import { getOrMake } from './get-or-make.js';

/** The unist root the parser hands to the rule plugins: it carries the parsed recipe. */
export interface RecipeTree {
  type: 'root';
  children: [];
  data: { recipe: Recipe };
}

/** A diagnostic as it travels on a vfile message until the file's messages are collected. */
interface RuleMessage extends VFileMessage {
  diagnostic: Diagnostic;
}

export interface LintOptions {
  config: Config;
  rules: readonly Rule[];
  /** Keep the decoded text on the result (for code frames and fixes). */
  keepSource?: boolean;
  /** Collects the rules' notices about the run (shown once each, not per file). */
  notices?: Set<string>;
  /** Aborted when the result is no longer wanted (the editor's text changed): rules waiting on a tool stop waiting. */
  signal?: AbortSignal;
  /**
   * The file's time limit: once it is up, a rule waiting on a tool stops waiting, no further rule runs, and the lint
   * rejects with the deadline's reason.
   */
  deadline?: Deadline;
}

export interface LintOutcome {
  result: FileResult;
  recipe: Recipe | undefined;
  /** What each rule with a `collect` step gathered, by rule id. */
  collected: Record<string, unknown>;
  /** The file's inline suppressions, which also apply to the problems of checks across files. */
  suppressions: Suppressions;
}

/** Lints one file's bytes: decode, parse once, run every enabled rule over the parsed recipe. */
export async function lintBytes(path: string, bytes: Uint8Array, options: LintOptions): Promise<LintOutcome> {
  const decoded = decodeRecipeBytes(bytes);
  if (!decoded.ok) {
    const failure = { reason: decoded.reason, message: decoded.message, offset: decoded.textOffset };
    return lintText(path, decoded.text, options, failure);
  }
  return lintText(path, decoded.text, options);
}

export async function lintText(path: string, text: string, options: LintOptions, decodeFailure?: DecodeFailure): Promise<LintOutcome> {
  const file = new VFile({ path, value: text, data: { decodeFailure } });
  const collected: Record<string, unknown> = {};
  const processor = unified()
    .use(recipeParser)
    .use(runRules, { ...options, collected });
  const tree = processor.parse(file) as unknown as RecipeTree;
  const { recipe } = tree.data;
  let suppressions: Suppressions;
  try {
    await processor.run(tree as never, file);
    suppressions = await Suppressions.of(recipe);
  } finally {
    await recipe.dispose();
  }
  const diagnostics = file.messages
    .map((message) => (message as RuleMessage).diagnostic)
    .filter((diagnostic) => !suppressions.suppresses(diagnostic));
  diagnostics.push(...directiveProblems(recipe, suppressions, options.config, options.rules));
  const result: FileResult = { path, diagnostics: diagnostics.sort(compareDiagnostics) };
  if (options.keepSource) result.source = text;
  return { result, recipe, collected, suppressions };
}

/** The problems of the directive rules: unused suppression comments, missing reasons. No comment can hide them. */
function directiveProblems(recipe: Recipe, suppressions: Suppressions, config: Config, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const rule of rules) {
    if (!rule.checkDirectives || !isRuleEnabled(config, rule)) continue;
    const report = (problem: Problem) => {
      const diagnostic = recipeDiagnostic(recipe, rule, problem, config);
      if (diagnostic) diagnostics.push(diagnostic);
    };
    try {
      rule.checkDirectives({ recipe, directives: suppressions.directives, hidden: (directive) => suppressions.hidden(directive), rules: byId, report });
    } catch (error) {
      report({ message: `Internal error in rule ${rule.id}: ${describe(error)}`, severity: 'error' });
    }
  }
  return diagnostics;
}

const recipeParser: Plugin<[], string, RecipeTree> = function () {
  this.parser = (text, file) => ({
    type: 'root',
    children: [],
    data: { recipe: new Recipe(file.path, text, file.data.decodeFailure as DecodeFailure | undefined) },
  });
};

const runRules: Plugin<[LintOptions & { collected: Record<string, unknown> }], RecipeTree> = function ({ config, rules, collected, notices, signal: wanted, deadline }) {
  const signal = wanted && deadline ? AbortSignal.any([wanted, deadline.signal]) : (wanted ?? deadline?.signal);
  return async (tree, file) => {
    const { recipe } = tree.data;
    const broken = recipe.hasSyntaxErrors;
    for (const { rule, options } of enabledRules(config, rules)) {
      deadline?.check();
      if (broken && !rule.runsOnBrokenYaml) continue;
      const context: RuleContext = {
        recipe,
        options,
        settings: config.settings,
        report: (problem) => addMessage(file, recipe, rule, problem, config),
        notice: (message) => notices?.add(message),
        ...(signal ? { signal } : {}),
      };
      try {
        await rule.check?.(context);
        if (rule.collect) {
          const data = rule.collect(context);
          if (data !== undefined) collected[rule.id] = data;
        }
      } catch (error) {
        deadline?.check();
        addMessage(file, recipe, rule, { message: `Internal error in rule ${rule.id}: ${describe(error)}`, severity: 'error' }, config);
      }
    }
    deadline?.check();
  };
};

interface EnabledRule {
  rule: Rule;
  /** Shared by every file linted with the configuration: frozen, as rules only read their options. */
  options: Readonly<Record<string, unknown>>;
}

const enabledByConfig = new WeakMap<Config, WeakMap<readonly Rule[], EnabledRule[]>>();

/** The rules a configuration enables, with their options: worked out once per configuration, not for every file. */
function enabledRules(config: Config, rules: readonly Rule[]): EnabledRule[] {
  const byRules = getOrMake(enabledByConfig, config, () => new WeakMap<readonly Rule[], EnabledRule[]>());
  return getOrMake(byRules, rules, () =>
    rules.filter((rule) => isRuleEnabled(config, rule)).map((rule) => ({ rule, options: Object.freeze(optionsWithDefaults(rule, ruleSetting(config, rule.id).options)) })),
  );
}

function addMessage(file: VFile, recipe: Recipe, rule: Rule, problem: Problem, config: Config): void {
  const diagnostic = recipeDiagnostic(recipe, rule, problem, config);
  if (!diagnostic) return;
  const message = withoutStackTrace(
    () =>
      file.message(diagnostic.message, {
        place: { start: { line: diagnostic.line, column: diagnostic.column, offset: diagnostic.start }, end: { line: diagnostic.endLine, column: diagnostic.endColumn, offset: diagnostic.end } },
        ruleId: diagnostic.ruleId,
        source: 'fim-lint',
      }) as RuleMessage,
  );
  message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined;
  message.diagnostic = diagnostic;
}

/** A rule's problem in a recipe, placed in its text, as a diagnostic (undefined when the configuration turns it off). */
function recipeDiagnostic(recipe: Recipe, rule: Rule, problem: Problem, config: Config): Diagnostic | undefined {
  const span = locationSpan(problem.at, recipe.documentSpan());
  const { at, related, ...rest } = problem;
  return toDiagnostic(
    rule,
    {
      ...rest,
      message: problem.message + recipe.aliasNote(at, span.start),
      place: recipe.place(span),
      ...(related?.length ? { related: related.map((place) => ({ ...recipe.place(locationSpan(place.at, span)), message: place.message })) } : {}),
      fixUnwritable: problem.fix !== undefined && recipe.insideAliasedCollection(at),
    },
    config,
  );
}

/** A vfile message is an `Error`: capturing a stack trace for each costs more than the rest of the message. */
function withoutStackTrace<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
