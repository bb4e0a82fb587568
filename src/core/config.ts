import type { Severity } from './diagnostic.js';

/** A rule's level in configuration: `warn` is the ESLint spelling of the `warning` severity. */
export type RuleLevel = 'off' | 'info' | 'warn' | 'warning' | 'error';
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

export interface Settings {
  flatimage: {
    /** Base images accepted in a FlatImage `pkg` on top of the built-in list. */
    extraBaseImages: string[];
  };
}

export interface Config {
  rules: Record<string, RuleSetting>;
  settings: Settings;
}

export function defaultConfig(): Config {
  return { rules: {}, settings: { flatimage: { extraBaseImages: [] } } };
}

export function levelToSeverity(level: RuleLevel): Severity | 'off' {
  return level === 'warn' ? 'warning' : level;
}

/** Whether a rule runs under a configuration: not turned `off`, and configured when it is opt-in. */
export function isRuleEnabled(config: Config, rule: { id: string; optIn?: boolean }): boolean {
  const { severity } = ruleSetting(config, rule.id);
  return severity === undefined ? !rule.optIn : severity !== 'off';
}

/** The effective severity and options of a rule. A `severity` reported by the rule itself yields to configuration. */
export function ruleSetting(
  config: Config,
  ruleId: string,
): { severity: Severity | 'off' | undefined; options: Record<string, unknown> } {
  const setting = config.rules[ruleId];
  if (setting === undefined) return { severity: undefined, options: {} };
  if (typeof setting === 'string') return { severity: levelToSeverity(setting), options: {} };
  return { severity: levelToSeverity(setting[0]), options: setting[1] ?? {} };
}
