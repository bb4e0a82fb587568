import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/core/registry.js';
import { lintPaths } from '../../src/core/run.js';
import { gcc } from '../../src/reporters/gcc.js';
import { json } from '../../src/reporters/json.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import { VALID_RECIPE } from '../helpers.js';
import { reportText } from './fixture.js';

/** A recipe whose category repeats an entry: sbuild/duplicate-item, with the first entry as a related place. */
async function repeatedRun() {
  const cwd = mkdtempSync(join(tmpdir(), 'fim-lint-related-'));
  writeFileSync(join(cwd, 'r.yaml'), VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - "Utility"'));
  const run = await lintPaths([join(cwd, 'r.yaml')], { keepSource: true });
  return { cwd, results: run.results, context: { color: false, cwd, skipped: 0, rules: await loadRules() } };
}

describe('related places in the reports', async () => {
  const { cwd, results, context } = await repeatedRun();

  it('stylish: an indented line under the problem, within 80 columns, and its code frame with --code-frame', () => {
    const lines = stylish(results, { ...context, width: 80 }).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'r.yaml',
      "  8:5  warning  'Utility' is listed more than once in category: remove the",
      '                repeated entry (fixable)  sbuild/duplicate-item',
      "                ↳ 7:5: 'Utility' is first listed here",
    ]);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    const framed = stylish(results, { ...context, width: 80, codeFrame: true }).split('\n');
    expect(framed.slice(3, 10)).toEqual([
      '  8 │   - "Utility"',
      '    │     ^^^^^^^^^',
      "                ↳ 7:5: 'Utility' is first listed here",
      '  7 │   - "Utility"',
      '    │     ^^^^^^^^^',
      '',
      '⚠ 0 errors, 1 warning, 1 fixable with --fix · 1 file checked',
    ]);
  });

  it('SARIF: relatedLocations with their region and message', () => {
    const log = JSON.parse(sarif(results, context) as string) as { runs: { results: { relatedLocations?: unknown[] }[] }[] };
    expect(log.runs[0]!.results[0]!.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'r.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 5, endLine: 7, endColumn: 14 } },
        message: { text: "'Utility' is first listed here" },
      },
    ]);
  });

  it('JSON: fimLintRelated on the message; gcc: the message alone', () => {
    const [result] = JSON.parse(reportText(json(results, context))) as { messages: { fimLintRelated?: unknown }[] }[];
    expect(result!.messages[0]!.fimLintRelated).toEqual([{ message: "'Utility' is first listed here", line: 7, column: 5, endLine: 7, endColumn: 14 }]);
    expect(reportText(gcc(results, context))).toContain("r.yaml:8:5: warning: 'Utility' is listed more than once in category: remove the repeated entry [sbuild/duplicate-item]");
    expect(cwd).not.toBe('');
  });
});
