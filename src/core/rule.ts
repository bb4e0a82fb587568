import type { Node } from 'yaml';
import type { Recipe, Span } from '../recipe/recipe.js';
import { nodeSpan } from '../recipe/recipe.js';
import type { Edit, FixSafety, Place, RelatedPlace, Severity } from './diagnostic.js';
import type { Settings } from './config.js';
import type { Directive } from '../suppressions/directives.js';

/** Where a problem is: a YAML node (its value span) or explicit offsets into the text. */
export type Location = Node | Span;

export interface Problem {
  message: string;
  /** Defaults to the start of the recipe. */
  at?: Location;
  /** A sub-id inside the rule's namespace, for rules that report on behalf of a tool (e.g. `shell/SC2086`). */
  ruleId?: string;
  /** Overrides the rule's configured severity (e.g. ShellCheck levels); configuration still wins over it. */
  severity?: Severity;
  fix?: Edit | Edit[];
  /** The safety of this fix when it differs from the rule's `fixable` (e.g. one unsafe kind of fix in a safe rule). */
  fixSafety?: FixSafety;
  url?: string;
  /** Other places the problem involves, e.g. the first of two equal entries: kept as data, not written into the message. */
  related?: { at: Location; message: string }[];
}

/** A problem with its places resolved to lines and columns (by the recipe, or by the rule of a check across files). */
export interface PlacedProblem extends Omit<Problem, 'at' | 'related'> {
  place: Place;
  related?: RelatedPlace[];
  /** The fix cannot be written at the place: a value inside an aliased collection is written once for every use. */
  fixUnwritable?: boolean;
}

export interface RuleContext {
  readonly recipe: Recipe;
  /** This rule's options: the configured values over the defaults its `options` declare. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Settings shared by all rules (extra FlatImage base images, ShellCheck setup, ...). */
  readonly settings: Settings;
  report(problem: Problem): void;
  /** Says something about the run rather than this file (e.g. a missing tool): each distinct notice is shown once. */
  notice(message: string): void;
  /** Aborted when the result is no longer wanted (the editor's text changed): stop waiting on external tools. */
  readonly signal?: AbortSignal;
  /**
   * Hands over the rest of the check, when it only waits on an outside tool: `wait` runs once every rule has checked
   * the file and the parsed recipe is let go, so that a file waiting on the tool keeps only what `wait` holds. It must
   * hold neither the recipe nor this context (its functions keep the recipe alive), and it places its problems at
   * spans; a span from `recipe.detachedSpan` keeps its alias note.
   */
  defer(wait: (context: DeferredContext) => Promise<void>): void;
}

/** What a deferred check reports through. */
export interface DeferredContext {
  report(problem: DeferredProblem): void;
  notice(message: string): void;
}

/** A problem reported after the recipe is let go: placed at a span of the text. */
export interface DeferredProblem extends Omit<Problem, 'at' | 'related'> {
  at?: Span;
}

/** What a directive rule judges: the file's `# fim-lint-…` comments, once every other rule of the file has run. */
export interface DirectiveContext {
  /** The text of the file. */
  readonly text: string;
  readonly directives: readonly Directive[];
  /** The rule ids whose problems the directive hid. */
  hidden(directive: Directive): ReadonlySet<string>;
  /** Every rule of the run, by id. */
  readonly rules: ReadonlyMap<string, Rule>;
  report(problem: Problem): void;
}

/** What a rule collected from one file for a check across files (e.g. duplicate `pkg_id`). */
export interface Collected<T> {
  path: string;
  data: T;
}

export interface ProjectContext<T> {
  readonly entries: readonly Collected<T>[];
  report(path: string, problem: PlacedProblem): void;
}

/** A JSON value, as an option's default or one of its allowed values. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * One option of a rule: a JSON Schema for its value (`type`, `enum`, `items`, ...), with the default the rule sees when
 * the configuration does not set it, and a description for editors.
 */
export interface RuleOption {
  description: string;
  default: JsonValue;
  type?: 'boolean' | 'string' | 'number' | 'integer' | 'array';
  enum?: readonly JsonValue[];
  items?: Readonly<Record<string, JsonValue>>;
  minimum?: number;
}

export interface Rule<T = unknown> {
  /** Namespaced id: `yaml/…`, `sbuild/…`, `flatimage/…` or `shell/…`. */
  id: string;
  /** One line, shown by `--list-rules` and in SARIF. */
  description: string;
  severity: Severity;
  /** The options the rule takes, by name; a rule without them takes none, and a configuration that sets one is refused. */
  options?: Readonly<Record<string, RuleOption>>;
  /**
   * Set when the rule offers fixes: the safety of its fixes, unless a problem says otherwise. A fix from a rule without
   * it is an internal error of the rule.
   */
  fixable?: FixSafety;
  /** The rule reports only when configured (a config file, `--rule`): it is off by default. */
  optIn?: boolean;
  /** Runs even when the YAML has syntax errors (the rule must then not rely on `recipe.data`). */
  runsOnBrokenYaml?: boolean;
  /** Omitted by the directive rules, which judge the suppression comments in `checkDirectives` instead. */
  check?(context: RuleContext): void | Promise<void>;
  /** Judges the file's suppression comments after every other rule has run (unused ones, missing reasons). */
  checkDirectives?(context: DirectiveContext): void;
  /** Per-file data for `checkProject`; must be plain JSON (it may cross a worker boundary). */
  collect?(context: RuleContext): T | undefined;
  checkProject?(context: ProjectContext<T>): void;
}

export function defineRule<T = unknown>(rule: Rule<T>): Rule<T> {
  return rule;
}

/** A rule's options as it sees them: each declared default, with the configured values over them. */
export function optionsWithDefaults(rule: Pick<Rule, 'options'>, configured: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // Asked for every rule of every file, and most rules declare no options.
  if (!rule.options) return { ...configured };
  const defaults = Object.entries(rule.options).map(([name, option]) => [name, structuredClone(option.default)]);
  return { ...Object.fromEntries(defaults), ...configured };
}

export function locationSpan(location: Location | undefined, fallback: Span): Span {
  if (!location) return fallback;
  if ('start' in location && typeof location.start === 'number') return location as Span;
  return nodeSpan(location as Node);
}

/** The documentation page of a rule id, or of an engine id (`engine/timeout`), which has its page beside the rules'. */
export function docsUrl(ruleId: string): string {
  const folder = ruleId.startsWith('engine/') ? '' : 'rules/';
  return `https://github.com/fim-lint/fim-lint/blob/main/docs/${folder}${ruleId}.md`;
}
