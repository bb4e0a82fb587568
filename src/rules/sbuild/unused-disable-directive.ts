import type { Edit } from '../../core/diagnostic.js';
import { defineRule, type Rule } from '../../core/rule.js';
import { UNSUPPRESSIBLE } from '../../core/suppressions.js';
import type { Directive } from '../../suppressions/directives.js';

/** ShellCheck codes: whether one was reported depends on ShellCheck being installed, so they are never called unused. */
const EXTERNAL_CODE = /^shell\/SC\d+$/;

/** Judges the suppression comments once every other rule of the file has run (see `checkDirectives`). */
export default defineRule({
  id: 'sbuild/unused-disable-directive',
  description: 'A fim-lint-disable comment must suppress a problem (opt-in: --report-unused-disable-directives)',
  severity: 'error',
  optIn: true,
  fixable: 'safe',
  runsOnBrokenYaml: true,
  checkDirectives({ text, directives, hidden, rules, report }) {
    for (const directive of directives) {
      if (directive.kind === 'enable') continue;
      const unused = unusedIds(directive, hidden(directive), rules);
      if (unused.length === 0) continue;
      const wholeDirective = directive.ruleIds.length === 0 || unused.length === directive.ruleIds.length;
      report({ message: unusedMessage(`fim-lint-${directive.kind}`, unused), at: directive.comment, ...(wholeDirective ? { fix: removal(text, directive) } : {}) });
    }
  },
});

function unusedIds(directive: Directive, hidden: ReadonlySet<string>, rules: ReadonlyMap<string, Rule>): string[] {
  if (directive.ruleIds.length === 0) return hidden.size > 0 ? [] : ['*'];
  return directive.ruleIds.filter((id) => {
    if (hidden.has(id) || EXTERNAL_CODE.test(id)) return false;
    // Problems of a check across files are reported after this file's directives are judged.
    return !rules.get(id)?.checkProject;
  });
}

function unusedMessage(name: string, ids: string[]): string {
  const reasons = ids.map((id) =>
    id === '*'
      ? 'no problem'
      : UNSUPPRESSIBLE.has(id)
        ? `'${id}' (which cannot be suppressed: fix the file instead)`
        : `no '${id}' problem`,
  );
  return `Unused ${name} comment: ${reasons.join(', ')} was reported where it applies; remove it or correct the rule id`;
}

/** An edit that deletes a directive: its whole line when it stands alone, else the comment and the blanks before it. */
function removal(text: string, directive: Directive): Edit {
  const lineStart = text.lastIndexOf('\n', directive.comment.start - 1) + 1;
  const newline = text.indexOf('\n', directive.comment.end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(lineStart, directive.comment.start).trim() === '' && text.slice(directive.comment.end, lineEnd).trim() === '') {
    return { start: lineStart, end: lineEnd, text: '' };
  }
  let start = directive.comment.start;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: directive.comment.end, text: '' };
}
