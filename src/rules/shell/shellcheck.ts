import { defineRule, type RuleContext } from '../../core/rule.js';
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
    const excluded = new Set(settings.exclude.map((code) => code.toUpperCase().replace(/^(?:SC)?/, 'SC')));
    await Promise.all(
      scripts.map(async (script) => {
        let comments;
        try {
          comments = await service.check(script.text, dialect.shell, context.signal, builderVariables(script.field, context.settings.target));
        } catch (error) {
          if (context.signal?.aborted) return;
          // Reported on the script itself, as an error: a script that stops ShellCheck is unchecked, and may be hostile.
          context.report({
            message: `${SHELLCHECK_FAILED} x_exec.${script.field}: ${describe(error)}`,
            at: context.recipe.keySpan(['x_exec', script.field]),
            severity: 'error',
          });
          return;
        }
        if (comments === undefined) {
          context.notice(
            `ShellCheck was not found ('${settings.path}' cannot be run), so the shell/SC* checks were skipped: install it (e.g. apt-get install shellcheck), pass --shellcheck <path>, or turn it off with --no-shellcheck`,
          );
          return;
        }
        reportFindings(context, script, comments, excluded);
      }),
    );
  },
});

function reportFindings(
  { recipe, report, settings }: RuleContext,
  script: EmbeddedScript,
  comments: ShellCheckComment[],
  excluded: Set<string>,
): void {
  const positions = new ScriptPositions(script.text);
  const clean = cleanVariables(script.field, settings.target, typeof recipe.fields?.pkg_id === 'string' && namePattern().test(recipe.fields.pkg_id));
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
