import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lintPaths } from '../../src/core/run.js';
import { FileFixer } from '../../src/fix/fix-files.js';
import { corpusFiles, corpusRoot, hasCorpus } from '../helpers.js';

/** `#` that start a comment: at the start of a line or after white space (a rough count that a lost comment lowers). */
const commentCount = (text: string) => (text.match(/(^|\s)#/gm) ?? []).length;

/** 0-based lines that a diagnostic with a fix covers, its own span and its edits. */
function fixableLines(text: string, diagnostics: readonly Diagnostic[]): Set<number> {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  const lines = new Set<number>();
  for (const d of diagnostics) {
    if (!d.fix) continue;
    for (let line = d.line - 1; line <= d.endLine - 1; line++) lines.add(line);
    for (const edit of d.fix) for (let line = lineOf(edit.start); line <= lineOf(edit.end); line++) lines.add(line);
  }
  return lines;
}

/** 0-based lines of `before` that are not kept, byte for byte and in order, in `after` (a longest-common-subsequence walk). */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const changed: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && table[i]![j + 1]! >= table[i + 1]![j]!) {
      // an inserted line: count it against the line it stands before
      changed.push(i);
      j++;
    } else {
      changed.push(i++);
    }
  }
  return changed;
}

describe.skipIf(!hasCorpus)('--fix on a copy of the corpus', () => {
  const copy = hasCorpus ? mkdtempSync(join(tmpdir(), 'fim-lint-corpus-fix-')) : '';
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('changes only what it reports, never adds a diagnostic or loses a comment, repairs scripts that fell out of their block, and a second run changes nothing', async () => {
    cpSync(corpusRoot, copy, { recursive: true });
    const files = corpusFiles(copy);
    const before = await lintPaths(files, { config: defaultConfig(), keepSource: true });
    const fixer = new FileFixer('write');
    const fixed = await lintPaths(files, { config: defaultConfig(), afterLint: fixer.afterLint });
    expect(fixer.problems).toEqual([]);

    const changedPaths = new Set(fixer.changes.map((change) => change.path));
    const afterByPath = new Map(fixed.results.map((result) => [result.path, result]));
    const byRule: Record<string, number> = {};
    let repaired = 0;
    for (const result of before.results) {
      const original = result.source!;
      const now = readFileSync(result.path, 'utf8');
      expect(now !== original, relative(copy, result.path)).toBe(changedPaths.has(result.path));
      if (now === original) continue;
      expect(commentCount(now)).toBeGreaterThanOrEqual(commentCount(original));
      // A script re-indented into its block: the recipe now parses, and the other rules see it (and may fix it) for the first time.
      if (result.diagnostics.some((d) => d.ruleId === 'yaml/syntax' && d.fix)) {
        expect(afterByPath.get(result.path)!.diagnostics.filter((d) => d.ruleId === 'yaml/syntax'), relative(copy, result.path)).toEqual([]);
        repaired++;
        continue;
      }
      const allowed = fixableLines(original, result.diagnostics);
      expect(changedLines(original, now).filter((line) => !allowed.has(line)), relative(copy, result.path)).toEqual([]);
      expect(afterByPath.get(result.path)!.diagnostics.length).toBeLessThanOrEqual(result.diagnostics.length);
    }
    expect(repaired).toBeGreaterThan(90);
    for (const change of fixer.changes) for (const d of change.fixed) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
    console.info(`--fix on the corpus: ${fixer.changes.length} files changed, ${repaired} of them broken YAML that now parses; fixes by rule: ${JSON.stringify(byRule)}`);

    const again = new FileFixer('write');
    await lintPaths(files, { config: defaultConfig(), afterLint: again.afterLint });
    expect(again.changes).toEqual([]);

    // Real recipes with a fixable defect whatever rules exist: the #!/SBUILD line removed from every 25th.
    // Files with YAML syntax errors are left alone, as the first part checked.
    const parses = new Set(before.results.filter((r) => !r.diagnostics.some((d) => d.ruleId === 'yaml/syntax')).map((r) => r.path));
    const stripped = files.filter((path, index) => index % 25 === 0 && parses.has(path) && readFileSync(path, 'utf8').startsWith('#!/SBUILD'));
    const bodies = new Map(stripped.map((path) => [path, readFileSync(path, 'utf8').replace(/^[^\n]*\n/, '')]));
    for (const [path, body] of bodies) writeFileSync(path, body);
    const restorer = new FileFixer('write');
    await lintPaths(stripped, { config: defaultConfig(), afterLint: restorer.afterLint });
    expect(stripped.length).toBeGreaterThan(100);
    for (const [path, body] of bodies) expect(readFileSync(path, 'utf8'), relative(copy, path)).toBe(`#!/SBUILD ver @v1.0.0\n${body}`);
  });
});
