export { lintBytes, lintText } from './core/lint.js';
export { lintPaths } from './core/run.js';
export { defineRule } from './core/rule.js';
export type { Rule, RuleContext, Problem } from './core/rule.js';
export type { Diagnostic, FileResult, Severity, Edit } from './core/diagnostic.js';
export { defaultConfig } from './core/config.js';
