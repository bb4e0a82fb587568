import { countBySeverity, type FileResult } from '../core/diagnostic.js';
import type { ReportContext } from './reporter.js';

/** The closing line of the human formats: problems by severity, fixable ones (safe, then unsafe), and what was checked. */
export function summaryLine(results: readonly FileResult[], context: ReportContext): string {
  return summaryPhrases(results, context).join(' ');
}

/** The summary line in the phrases a narrow terminal may put on separate lines (`✖ 1 error,`, `0 fixable ·`, …). */
export function summaryPhrases(results: readonly FileResult[], { skipped, ignored = 0 }: ReportContext): string[] {
  const counts = countBySeverity(results);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(`${counts.infos} info`);
  parts.push(`${counts.fixable} fixable${counts.fixable > 0 ? ' with --fix' : ''}`);
  if (counts.unsafeFixable > 0) parts.push(`${counts.unsafeFixable} more with --unsafe-fixes`);
  const files = [`${plural(results.length, 'file')} checked`];
  if (skipped > 0) files.push(`${skipped} skipped (not recipes)`);
  if (ignored > 0) files.push(`${ignored} ignored`);
  const mark = counts.errors > 0 ? '✖' : counts.warnings > 0 ? '⚠' : '✔';
  const phrases = [...parts.map((part, index) => `${part}${index < parts.length - 1 ? ',' : ' ·'}`), ...files.map((part, index) => `${part}${index < files.length - 1 ? ',' : ''}`)];
  phrases[0] = `${mark} ${phrases[0]}`;
  return phrases;
}
