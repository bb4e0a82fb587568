import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { lintText } from '../../src/core/lint.js';
import { defineRule } from '../../src/core/rule.js';
import { compact } from '../helpers.js';

describe('the rule contract', () => {
  it('turns a fix from a rule that does not declare `fixable` into an internal error of that rule', async () => {
    const undeclared = defineRule({
      id: 'sbuild/fixture-undeclared-fix',
      description: 'offers a fix without saying so',
      severity: 'warning',
      check({ report }) {
        report({ message: 'add a comment', fix: { start: 0, end: 0, text: '# x\n' } });
      },
    });
    const { result } = await lintText('recipe.yaml', '#!/SBUILD\npkg: a\n', { config: defaultConfig(), rules: [undeclared] });
    expect(result.diagnostics.map(compact)).toEqual([
      "sbuild/fixture-undeclared-fix error 2:1-2:4 Internal error in rule sbuild/fixture-undeclared-fix: it offers a fix but does not declare 'fixable'",
    ]);
    expect(result.diagnostics[0]!.fix).toBeUndefined();
  });

  it("gives a fix the rule's safety unless the problem names its own", async () => {
    const mixed = defineRule({
      id: 'sbuild/fixture-mixed-fixes',
      description: 'offers a safe and an unsafe fix',
      severity: 'warning',
      fixable: 'safe',
      check({ report }) {
        report({ message: 'safe', fix: { start: 0, end: 0, text: '# a\n' } });
        report({ message: 'unsafe', fix: { start: 0, end: 0, text: '# b\n' }, fixSafety: 'unsafe' });
      },
    });
    const { result } = await lintText('recipe.yaml', '#!/SBUILD\npkg: a\n', { config: defaultConfig(), rules: [mixed] });
    expect(result.diagnostics.map((d) => [d.message, d.fixSafety])).toEqual([
      ['safe', 'safe'],
      ['unsafe', 'unsafe'],
    ]);
  });
});
