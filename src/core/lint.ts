import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { Recipe, type DecodeFailure } from '../recipe/recipe.js';
import { decodeRecipeBytes } from '../recipe/decode.js';
import { isRuleEnabled, ruleSetting, type Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';
import { placedDiagnostic, SpanPlaces, type ProblemPlaces } from './place-problem.js';
import { optionsWithDefaults, type DeferredContext, type DeferredProblem, type Problem, type Rule, type RuleContext } from './rule.js';
import { Suppressions } from './suppressions.js';
import type { Deadline } from './deadline.js';
import { getOrMake } from './get-or-make.js';
import { OneAtATime } from './one-at-a-time.js';
import { appendAll } from './append.js';

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
  /**
   * Let the parsed recipe go as soon as the rules have checked it, even while a rule still waits on a tool, rather than
   * return it: a run that only reports keeps little memory per file waiting on ShellCheck.
   */
  dropRecipe?: boolean;
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
  /** The text that was linted. */
  text: string;
  /** The parsed recipe; undefined with `dropRecipe`. */
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
  const { recipe, places, collected, suppressions, deferred } = await checking.run(() => checkRecipe(file, options));
  await finishDeferred(deferred, file, places, options);
  const diagnostics = file.messages
    .map((message) => (message as RuleMessage).diagnostic)
    .filter((diagnostic) => !suppressions.suppresses(diagnostic));
  appendAll(diagnostics, directiveProblems(text, places, suppressions, options.config, options.rules));
  const result: FileResult = { path, diagnostics: diagnostics.sort(compareDiagnostics) };
  if (options.keepSource) result.source = text;
  return { result, text, recipe, collected, suppressions };
}

/** The rest of a rule's check, handed over with `defer`. */
interface DeferredCheck {
  rule: Rule;
  wait: (context: DeferredContext) => Promise<void>;
}

interface CheckedRecipe {
  recipe: Recipe | undefined;
  /** Places the problems reported from here on, without the recipe. */
  places: SpanPlaces;
  collected: Record<string, unknown>;
  suppressions: Suppressions;
  deferred: DeferredCheck[];
}

/**
 * The files of a thread are checked one at a time, while any number may wait on ShellCheck: files checked at once take
 * turns at every rule, so each parsed recipe would live as long as all their checks, long enough for the young-generation
 * collector to move it to the old generation.
 */
const checking = new OneAtATime();

/**
 * Parses the file and runs every enabled rule over the recipe. Of the recipe, only what places the deferred problems
 * is kept (and the recipe itself without `dropRecipe`): nothing else here outlives this function.
 */
async function checkRecipe(file: VFile, options: LintOptions): Promise<CheckedRecipe> {
  const collected: Record<string, unknown> = {};
  const deferred: DeferredCheck[] = [];
  const processor = unified()
    .use(recipeParser)
    .use(runRules, { ...options, collected, deferred });
  const tree = processor.parse(file) as unknown as RecipeTree;
  const { recipe } = tree.data;
  let suppressions: Suppressions;
  try {
    await processor.run(tree as never, file);
    suppressions = await Suppressions.of(recipe);
  } finally {
    await recipe.dispose();
  }
  return { recipe: options.dropRecipe ? undefined : recipe, places: new SpanPlaces(recipe), collected, suppressions, deferred };
}

/** Waits for the deferred checks, which report into `file`. */
async function finishDeferred(deferred: readonly DeferredCheck[], file: VFile, places: SpanPlaces, { config, deadline, notices }: LintOptions): Promise<void> {
  if (deferred.length === 0) return;
  await Promise.all(
    deferred.map(async ({ rule, wait }) => {
      const report = (problem: DeferredProblem) => addMessage(file, places, rule, problem, config);
      try {
        await wait({ report, notice: (message) => notices?.add(message) });
      } catch (error) {
        deadline?.check();
        report(internalError(rule, error));
      }
    }),
  );
  deadline?.check();
}

/** The problems of the directive rules: unused suppression comments, missing reasons. No comment can hide them. */
function directiveProblems(text: string, places: SpanPlaces, suppressions: Suppressions, config: Config, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const rule of rules) {
    if (!rule.checkDirectives || !isRuleEnabled(config, rule)) continue;
    const report = (problem: Problem) => {
      const diagnostic = placedDiagnostic(places, rule, problem, config);
      if (diagnostic) diagnostics.push(diagnostic);
    };
    try {
      rule.checkDirectives({ text, directives: suppressions.directives, hidden: (directive) => suppressions.hidden(directive), rules: byId, report });
    } catch (error) {
      report(internalError(rule, error));
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

type RunRulesOptions = LintOptions & { collected: Record<string, unknown>; deferred: DeferredCheck[] };

const runRules: Plugin<[RunRulesOptions], RecipeTree> = function ({ config, rules, collected, deferred, notices, signal: wanted, deadline }) {
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
        defer: (wait) => deferred.push({ rule, wait }),
        ...(signal ? { signal } : {}),
      };
      try {
        // Most rules are synchronous: awaiting their undefined would cost a turn of the microtask queue each.
        const checking = rule.check?.(context);
        if (checking) await checking;
        if (rule.collect) {
          const data = rule.collect(context);
          if (data !== undefined) collected[rule.id] = data;
        }
      } catch (error) {
        deadline?.check();
        addMessage(file, recipe, rule, internalError(rule, error), config);
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

const internalError = (rule: Rule, error: unknown): DeferredProblem => ({ message: `Internal error in rule ${rule.id}: ${describe(error)}`, severity: 'error' });

function addMessage(file: VFile, places: ProblemPlaces, rule: Rule, problem: Problem, config: Config): void {
  const diagnostic = placedDiagnostic(places, rule, problem, config);
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
