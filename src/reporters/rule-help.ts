import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/paths.js';

/** A rule's texts for code-scanning tools, taken from its page under `docs/rules/`. */
export interface RuleHelp {
  /** The page's "What it checks" section as plain text. */
  fullDescription: string;
  /** The page without its title, as Markdown. */
  markdown: string;
  /** "What it checks" and "Why" as plain text. */
  text: string;
}

const SHELLCHECK_CODE = /^shell\/SC\d+$/;

/** The help of a rule from its doc page; ShellCheck codes get the page of `shell/shellcheck`. Undefined without a page. */
export function ruleHelp(ruleId: string): RuleHelp | undefined {
  const page = docPage(SHELLCHECK_CODE.test(ruleId) ? 'shell/shellcheck' : ruleId);
  if (page === undefined) return undefined;
  const markdown = page.replace(/^# .*\n+/, '').trim();
  const whatItChecks = plainText(section(markdown, 'What it checks'));
  return {
    fullDescription: whatItChecks,
    markdown,
    text: [whatItChecks, plainText(section(markdown, 'Why'))].filter(Boolean).join('\n\n'),
  };
}

function docPage(ruleId: string): string | undefined {
  const path = join(projectRoot, 'docs', 'rules', `${ruleId}.md`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The body of a `## heading` section. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const body = markdown.slice(start + heading.length + 4);
  const end = body.search(/^## /m);
  return (end < 0 ? body : body.slice(0, end)).trim();
}

/** Markdown as plain text: links keep their text, code spans and emphasis lose their marks, lines join into paragraphs. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .join('\n\n');
}
