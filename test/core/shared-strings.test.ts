import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { SharedStrings } from '../../src/core/shared-strings.js';
import type { TargetOutcome } from '../../src/core/outcome.js';

const diagnostic: Diagnostic = {
  ruleId: 'sbuild/license', severity: 'info', message: "'GPL' is not an SPDX license id", line: 3, column: 5, endLine: 3, endColumn: 10, start: 40, end: 45,
};
const withExtras: Diagnostic = { ...diagnostic, url: 'https://example.org/rule', fix: [{ start: 40, end: 45, text: 'GPL-3.0' }], fixSafety: 'unsafe' };

/** An outcome as it arrives from a worker: a deep copy. */
const arriving = (outcome: TargetOutcome) => structuredClone(outcome);

describe('SharedStrings', () => {
  it('keeps every field of every diagnostic, and adds none', () => {
    const strings = new SharedStrings();
    const outcome: TargetOutcome = { kind: 'linted', result: { path: 'a.yaml', diagnostics: [diagnostic, withExtras] }, collected: { 'sbuild/duplicate-pkg-id': 'x' } };
    const shared = strings.outcome(arriving(outcome), 'a.yaml');
    expect(shared).toStrictEqual(outcome);
    expect(Object.keys(shared.kind === 'linted' ? shared.result.diagnostics[0]! : {})).not.toContain('url');
  });

  it('gives equal strings one copy, the first one seen', () => {
    const strings = new SharedStrings();
    const first = strings.share(['sbuild', 'license'].join('/'));
    expect(strings.share(['sbuild', 'license'].join('/'))).toBe(first);
    expect(strings.share('other')).toBe('other');
  });

  it('passes skipped and unreadable outcomes through', () => {
    const strings = new SharedStrings();
    const unreadable: TargetOutcome = { kind: 'unreadable', path: 'x.yaml', message: 'cannot read x.yaml' };
    expect(strings.outcome(unreadable, 'x.yaml')).toBe(unreadable);
    expect(strings.outcome({ kind: 'skipped' }, 'y.yaml')).toEqual({ kind: 'skipped' });
  });
});
