import { DEFAULT_EXCLUDE } from '../shellcheck/noise.js';
import { DEFAULT_TARGET } from '../sbuild/builder-release.js';
import type { Severity } from './diagnostic.js';

/** A rule's level in configuration: `warn` is the ESLint spelling of the `warning` severity. */
export type RuleLevel = 'off' | 'info' | 'warn' | 'warning' | 'error';
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** ShellCheck's levels, from the most to the least severe. */
export type ShellCheckLevel = 'error' | 'warning' | 'info' | 'style';

export interface ShellCheckSettings {
  /** Check the embedded scripts with ShellCheck when it is installed. */
  enabled: boolean;
  /** The ShellCheck executable: a path, or a name looked up on PATH. */
  path: string;
  /** The fim-lint severity of each ShellCheck level; `off` drops the level. */
  severity: Record<ShellCheckLevel, Severity | 'off'>;
  /** Codes never reported, as `SC1091` or `1091` (default: the noise codes of shellcheck/noise.ts). */
  exclude: string[];
  /** Drop the findings that are noise in their recipe context (shellcheck/noise.ts); false keeps them. */
  noiseFilters: boolean;
  /** Keep ShellCheck's results in `cacheLocation`, keyed by script, shell and ShellCheck version. */
  cache: boolean;
  /** The cache directory, relative to the working directory unless absolute. */
  cacheLocation: string;
  /** A ShellCheck process that runs longer is killed with its process group (`--shellcheck-timeout`). */
  timeoutSeconds: number;
  /** A ShellCheck process that needs more memory fails (`--shellcheck-memory`). */
  memoryMb: number;
}

export interface Settings {
  /** The builder release the recipes are written for (`YYYY-MM`, see src/sbuild/builder-release.ts). */
  target: string;
  flatimage: {
    /** Base images accepted in a FlatImage `pkg` on top of the built-in list. */
    extraBaseImages: string[];
  };
  shellcheck: ShellCheckSettings;
}

export interface Config {
  rules: Record<string, RuleSetting>;
  settings: Settings;
}

export function defaultConfig(): Config {
  return {
    rules: {},
    settings: {
      target: DEFAULT_TARGET,
      flatimage: { extraBaseImages: [] },
      shellcheck: {
        enabled: true,
        path: 'shellcheck',
        severity: { error: 'error', warning: 'warning', info: 'info', style: 'info' },
        // Codes that are noise in recipes, each with its reason in shellcheck/noise.ts.
        exclude: [...DEFAULT_EXCLUDE],
        noiseFilters: true,
        cache: false,
        cacheLocation: '.fim-lint-cache',
        // Below the per-file time limit (30 s), so that a script ShellCheck is stuck on is reported on its recipe.
        timeoutSeconds: 20,
        memoryMb: 2048,
      },
    },
  };
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
