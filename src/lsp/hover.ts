import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Diagnostic } from '../core/diagnostic.js';
import { docsUrl } from '../core/rule.js';
import { visible } from '../reporters/escape.js';
import { ruleHelp } from '../reporters/rule-help.js';
import { rangeOf, type LintedText } from './convert.js';

/** The doc page of each rule with a problem under the cursor, under the problem's message. */
export function hoverAt(text: LintedText, diagnostics: readonly Diagnostic[], position: Position): Hover | undefined {
  const under = diagnostics.filter((diagnostic) => contains(rangeOf(text, diagnostic.start, diagnostic.end), position));
  if (under.length === 0) return undefined;
  const sections = under.map((diagnostic) => {
    const help = ruleHelp(diagnostic.ruleId);
    const link = diagnostic.url ? `\n\n[${diagnostic.ruleId} documentation](${diagnostic.url})` : '';
    const page = help && withAbsoluteLinks(help.markdown, docsUrl(/^shell\/SC\d+$/.test(diagnostic.ruleId) ? 'shell/shellcheck' : diagnostic.ruleId));
    return `**${diagnostic.ruleId}** (${diagnostic.severity}): ${escape(visible(diagnostic.message))}${page ? `\n\n${page}` : ''}${link}`;
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: rangeOf(text, under[0]!.start, under[0]!.end) };
}

/** The page's links to other files of the repository, made absolute: a hover has no folder to resolve them from. */
function withAbsoluteLinks(markdown: string, pageUrl: string): string {
  return markdown.replace(/\]\((?![a-z]+:|#)([^)\s]+)\)/g, (whole, target: string) => {
    try {
      return `](${new URL(target, pageUrl).href})`;
    } catch {
      return whole;
    }
  });
}

function contains(range: { start: Position; end: Position }, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** A message as Markdown text: its `<`, `*`, `_` and backticks are shown as they are. */
function escape(message: string): string {
  return message.replace(/[\\`*_<>[\]]/g, (character) => `\\${character}`);
}
