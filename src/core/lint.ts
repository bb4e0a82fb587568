import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { Recipe, type DecodeFailure } from '../recipe/recipe.js';
import { decodeRecipeBytes } from '../recipe/decode.js';
import { isRuleEnabled, ruleSetting, type Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type Edit, type FileResult, type FixSafety, type Severity } from './diagnostic.js';
import { docsUrl, locationSpan, optionsWithDefaults, type Problem, type Rule, type RuleContext } from './rule.js';
import { Suppressions } from './suppressions.js';
import type { Deadline } from './deadline.js';

/** The unist root the parser hands to the rule plugins: it carries the parsed recipe. */
export interface RecipeTree {
  type: 'root';
  children: [];
  data: { recipe: Recipe };
}

/** A diagnostic as it travels on a vfile message until it is turned into a `Diagnostic`. */
interface RuleMessage extends VFileMessage {
  severity: Severity;
  fix?: Edit[];
  fixSafety?: FixSafety;
  start: number;
  end: number;
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
    .map((message) => toDiagnostic(message as RuleMessage))
    .filter((diagnostic) => !suppressions.suppresses(diagnostic));
  diagnostics.push(...suppressions.problems(recipe, options.config, options.rules));
  const result: FileResult = { path, diagnostics: diagnostics.sort(compareDiagnostics) };
  if (options.keepSource) result.source = text;
  return { result, recipe, collected, suppressions };
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
    for (const rule of rules) {
      deadline?.check();
      if (!isRuleEnabled(config, rule)) continue;
      const setting = ruleSetting(config, rule.id);
      if (recipe.hasSyntaxErrors && !rule.runsOnBrokenYaml) continue;
      const context: RuleContext = {
        recipe,
        options: optionsWithDefaults(rule, setting.options),
        settings: config.settings,
        report: (problem) => addMessage(file, recipe, rule, problem, config),
        notice: (message) => notices?.add(message),
        ...(signal ? { signal } : {}),
      };
      try {
        await rule.check(context);
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

function addMessage(file: VFile, recipe: Recipe, rule: Rule, problem: Problem, config: Config): void {
  // Thrown into the rule's run, which reports it as an internal error of the rule, as any other failure of the rule.
  if (problem.fix !== undefined && !rule.fixable) throw new Error(`it offers a fix but does not declare 'fixable'`);
  const ruleId = problem.ruleId ?? rule.id;
  const configured = ruleSetting(config, ruleId).severity ?? (ruleId === rule.id ? undefined : ruleSetting(config, rule.id).severity);
  if (configured === 'off') return;
  const severity = configured ?? problem.severity ?? rule.severity;
  const span = locationSpan(problem.at, recipe.documentSpan());
  const start = recipe.position(span.start);
  const end = recipe.position(Math.max(span.end, span.start));
  const message = withoutStackTrace(
    () =>
      file.message(problem.message + recipe.aliasNote(problem.at, span.start), {
        place: { start: { ...start, offset: span.start }, end: { ...end, offset: span.end } },
        ruleId,
        source: 'fim-lint',
      }) as RuleMessage,
  );
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  message.severity = severity;
  message.url = problem.url ?? docsUrl(rule.id);
  message.start = span.start;
  message.end = span.end;
  // A value inside an aliased collection is written once for every use: no fix for one use can edit it.
  if (problem.fix && !recipe.insideAliasedCollection(problem.at)) {
    message.fix = Array.isArray(problem.fix) ? problem.fix : [problem.fix];
    message.fixSafety = problem.fixSafety ?? rule.fixable;
  }
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

function toDiagnostic(message: RuleMessage): Diagnostic {
  const place = message.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : start;
  const diagnostic: Diagnostic = {
    ruleId: message.ruleId ?? 'unknown',
    severity: message.severity,
    message: message.reason,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    start: message.start,
    end: message.end,
  };
  if (message.url) diagnostic.url = message.url;
  if (message.fix) {
    diagnostic.fix = message.fix;
    diagnostic.fixSafety = message.fixSafety ?? 'safe';
  }
  return diagnostic;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
