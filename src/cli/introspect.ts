import { ruleSetting, type RuleLevel, type RuleSetting } from '../core/config.js';
import { docsUrl, optionsWithDefaults, type Rule } from '../core/rule.js';
import { closest, didYouMean } from '../text/near-miss.js';
import type { ResolvedFileConfig } from '../config/resolver.js';
import { stringifyInert } from '../reporters/escape.js';
import { UsageError } from './options.js';

const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warn', 'warning', 'error'];

/** `--rule id=level` values as configuration rules; ids must be rules of fim-lint (or ShellCheck codes). */
export function parseRuleOptions(values: readonly string[], knownRuleIds: ReadonlySet<string>): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([^=\s]+)=(\w+)$/.exec(value.trim());
    if (!match) throw new UsageError(`--rule ${value}: expected <rule-id>=<off|info|warn|error>`);
    const [, id, level] = match as unknown as [string, string, string];
    if (!knownRuleIds.has(id) && !/^shell\/SC\d+$/.test(id)) {
      const suggestion = closest(id, knownRuleIds);
      throw new UsageError(`--rule ${value}: unknown rule '${id}'${suggestion ? `; ${didYouMean([suggestion])}` : ' (fim-lint --list-rules lists the rules)'}`);
    }
    if (!LEVELS.includes(level as RuleLevel)) throw new UsageError(`--rule ${value}: level must be one of ${LEVELS.join(', ')}`);
    rules[id] = level as RuleLevel;
  }
  return rules;
}

/** `--list-rules`: id, default severity, whether it fixes, what it checks and its documentation, one rule a line. */
export function listRules(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  return rules
    .map((rule) => {
      const severity = rule.optIn ? 'off' : rule.severity;
      return `${rule.id.padEnd(width)}  ${severity.padEnd(7)}  ${rule.fixable ? 'fixable' : '       '}  ${rule.description}  ${docsUrl(rule.id)}`;
    })
    .join('\n') + '\n';
}

/** `--print-config`: the configuration file that applies, whether the file is ignored, and every rule's effective setting. */
export function printConfig(path: string, resolved: ResolvedFileConfig, rules: readonly Rule[]): string {
  const effective: Record<string, string | [string, Record<string, unknown>]> = {};
  const ids = new Set([...rules.map((rule) => rule.id), ...Object.keys(resolved.config.rules)]);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const id of [...ids].sort()) {
    const rule = byId.get(id);
    const setting = ruleSetting(resolved.config, id);
    const severity = setting.severity ?? (rule?.optIn ? 'off' : rule?.severity ?? 'off');
    const options = rule ? optionsWithDefaults(rule, setting.options) : setting.options;
    effective[id] = Object.keys(options).length > 0 ? [severity, options] : severity;
  }
  const shown = { file: path, configFile: resolved.configFile ?? null, ignored: resolved.ignored, rules: effective, settings: resolved.config.settings };
  return stringifyInert(shown, 2) + '\n';
}
