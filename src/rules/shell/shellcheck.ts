import type { Settings } from '../../core/config.js';
import { defineRule, type DeferredContext } from '../../core/rule.js';
import type { Span } from '../../recipe/recipe.js';
import { approximateNote, embeddedScripts, type EmbeddedScript } from '../../recipe/scripts.js';
import { CHECKED_SHELLS, scriptDialect } from '../../shell/dialect.js';
import { findingFix, findingSpan, ScriptPositions } from '../../shellcheck/positions.js';
import { SHELLCHECK_FAILED, type ShellCheckComment } from '../../shellcheck/runner.js';
import { describe } from '../../core/lint.js';
import { isNoise } from '../../shellcheck/noise.js';
import { builderVariables, cleanVariables } from '../../shellcheck/variables.js';
import { namePattern } from '../../sbuild/name-pattern.js';

export default defineRule({
  id: 'shell/shellcheck',
  description: 'ShellCheck findings in x_exec.run and x_exec.pkgver, at their position in the recipe',
  severity: 'warning',
  fixable: 'unsafe',
  async check(context) {
    const settings = context.settings.shellcheck;
    if (!settings.enabled) return;
    const scripts = embeddedScripts(context.recipe);
    if (scripts.length === 0) return;
    const dialect = scriptDialect(scripts[0]!.shell);
    if (!dialect.checked) {
      for (const script of scripts) {
        context.report({
          message: `x_exec.${script.field} is not checked by ShellCheck: x_exec.shell is '${dialect.shell}', and ShellCheck supports ${CHECKED_SHELLS.join(', ')}`,
          at: context.recipe.keySpan(['x_exec', script.field]),
          severity: 'info',
        });
      }
      return;
    }
    // Loaded here: runs with ShellCheck turned off, or without scripts, do not pay for it.
    const { shellcheckService } = await import('../../shellcheck/service.js');
    const service = shellcheckService(settings);
    const pkgIdWritten = typeof context.recipe.fields?.pkg_id === 'string' && namePattern().test(context.recipe.fields.pkg_id);
    // Queued for ShellCheck now, waited for once the recipe is let go (see `defer`).
    const checks = scripts.map((script) => ({
      script,
      keySpan: context.recipe.detachedSpan(context.recipe.keySpan(['x_exec', script.field])),
      cleanVariables: cleanVariables(script.field, context.settings.target, pkgIdWritten),
      comments: settled(service.check(script.text, dialect.shell, context.signal, builderVariables(script.field, context.settings.target))),
    }));
    context.defer(waitForFindings(checks, context.settings, context.signal));
  },
});

/** One script on its way to ShellCheck, with what its findings need of the recipe. */
interface ScriptCheck {
  script: EmbeddedScript;
  /** The span of its key: where a script ShellCheck fails on is reported. */
  keySpan: Span;
  cleanVariables: ReadonlySet<string>;
  comments: Promise<{ comments: ShellCheckComment[] | undefined } | { error: unknown }>;
}

/** A promise that never rejects: it may settle before anyone waits for it. */
const settled = <T>(promise: Promise<T>) => promise.then((comments) => ({ comments }), (error: unknown) => ({ error }));

/** The deferred part of the check: a module-level function, so that it holds no rule context and thus no recipe. */
function waitForFindings(checks: readonly ScriptCheck[], settings: Settings, signal: AbortSignal | undefined) {
  const excluded = new Set(settings.shellcheck.exclude.map((code) => code.toUpperCase().replace(/^(?:SC)?/, 'SC')));
  return async ({ report, notice }: DeferredContext) => {
    for (const { script, keySpan, cleanVariables, comments } of checks) {
      const outcome = await comments;
      if ('error' in outcome) {
        if (signal?.aborted) return;
        // Reported on the script itself, as an error: a script that stops ShellCheck is unchecked, and may be hostile.
        report({ message: `${SHELLCHECK_FAILED} x_exec.${script.field}: ${describe(outcome.error)}`, at: keySpan, severity: 'error' });
      } else if (outcome.comments === undefined) {
        notice(
          `ShellCheck was not found ('${settings.shellcheck.path}' cannot be run), so the shell/SC* checks were skipped: install it (e.g. apt-get install shellcheck), pass --shellcheck <path>, or turn it off with --no-shellcheck`,
        );
      } else {
        reportFindings(report, settings, script, cleanVariables, outcome.comments, excluded);
      }
    }
  };
}

function reportFindings(
  report: DeferredContext['report'],
  settings: Settings,
  script: EmbeddedScript,
  clean: ReadonlySet<string>,
  comments: ShellCheckComment[],
  excluded: Set<string>,
): void {
  const positions = new ScriptPositions(script.text);
  const lines = script.text.split('\n');
  for (const comment of comments) {
    const code = `SC${comment.code}`;
    const severity = settings.shellcheck.severity[comment.level];
    if (excluded.has(code) || severity === undefined || severity === 'off') continue;
    if (settings.shellcheck.noiseFilters) {
      const start = positions.offset(comment.line, comment.column);
      const end = positions.offset(comment.endLine, comment.endColumn);
      const finding = { field: script.field, flagged: script.text.slice(start, end), after: script.text.slice(end), line: lines[comment.line - 1] ?? '', cleanVariables: clean };
      if (isNoise(comment, finding)) continue;
    }
    report({
      ruleId: `shell/${code}`,
      severity,
      message: `${comment.message}${approximateNote(script)}`,
      at: findingSpan(script, positions, comment),
      // The rule's fixes are unsafe: they change what the script does (`cd dir || exit`).
      fix: findingFix(script, positions, comment),
      url: `https://www.shellcheck.net/wiki/${code}`,
    });
  }
}
