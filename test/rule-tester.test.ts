import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/core/rule.js';
import { checkContract, completeRecipe, fixedOutput, runRule, VALID_RECIPE } from './helpers.js';

const fragment = '#!/SBUILD ver @v1.0.0\npkg: "hi"\nx_exec:\n  shell: "sh"\n  run: |\n    true\n';

describe('the rule tester', () => {
  it('completes a fragment after its own lines, with the standard fields it does not define', () => {
    const text = completeRecipe(fragment);
    expect(text.startsWith(fragment)).toBe(true);
    expect(text.slice(fragment.length)).toBe(
      [
        '_disabled: false',
        'pkg_id: "github.com.example.hello"',
        'pkg_type: "static"',
        'category:',
        '  - "Utility"',
        'description: "Prints a greeting"',
        'homepage:',
        '  - "https://github.com/example/hello"',
        'maintainer:',
        '  - "Jane Doe (https://github.com/jane)"',
        'src_url:',
        '  - "https://github.com/example/hello"',
        '',
      ].join('\n'),
    );
    expect(() => completeRecipe('pkg: "hi"\n')).toThrow(/starts with its '#!\/SBUILD' line/);
  });

  it('sees a rule that changes the parsed recipe', async () => {
    const mutating = defineRule({
      id: 'sbuild/test-mutating',
      description: 'changes a node',
      severity: 'warning',
      check({ recipe }) {
        const node = recipe.node(['pkg']) as { value: unknown } | undefined;
        if (node) node.value = 'changed';
      },
    });
    const run = await runRule(mutating, { code: VALID_RECIPE });
    expect(run.mutated).toMatch(/^sbuild\/test-mutating changed the parsed recipe/);
    expect(() => checkContract(run)).toThrow(/only read the parsed recipe/);
  });

  it('refuses a fix from a rule that does not declare fixable, and applies fixes with the fix engine', async () => {
    const fixing = (fixable: 'safe' | 'unsafe' | undefined) =>
      defineRule({
        id: 'sbuild/test-fixing',
        description: 'renames pkg',
        severity: 'warning',
        ...(fixable ? { fixable } : {}),
        check({ recipe, report }) {
          const node = recipe.node(['pkg']);
          if (node?.range) report({ message: 'rename', at: node, fix: { start: node.range[0], end: node.range[1], text: '"bye"' } });
        },
      });
    // The engine itself refuses the fix: the rule's run ends in an internal error.
    const undeclared = await runRule(fixing(undefined), { code: VALID_RECIPE });
    expect(undeclared.diagnostics.map((d) => [d.message, d.fix])).toEqual([["Internal error in rule sbuild/test-fixing: it offers a fix but does not declare 'fixable'", undefined]]);
    for (const safety of ['safe', 'unsafe'] as const) {
      const declared = await runRule(fixing(safety), { code: VALID_RECIPE });
      checkContract(declared);
      expect(await fixedOutput(declared)).toBe(VALID_RECIPE.replace('pkg: "hello"', 'pkg: "bye"'));
    }
  });
});

describe('the rule tester with options', () => {
  it('refuses options the rule does not declare, as a configuration file would', async () => {
    await expect(runRule('sbuild/host', { code: VALID_RECIPE, options: { requireLowercse: true } })).rejects.toThrow(/^invalid options for sbuild\/host/);
    expect((await runRule('sbuild/host', { code: VALID_RECIPE, options: { requireLowercase: true } })).diagnostics).toEqual([]);
  });
});

describe('the rule tester with fix safety', () => {
  it('applies unsafe fixes for output, and only safe ones for --fix alone', async () => {
    const unsafe = defineRule({
      id: 'sbuild/test-unsafe',
      description: 'renames pkg',
      severity: 'warning',
      fixable: 'unsafe',
      check({ recipe, report }) {
        const node = recipe.node(['pkg']);
        if (node?.range) report({ message: 'rename', at: node, fix: { start: node.range[0], end: node.range[1], text: '"bye"' } });
      },
    });
    const run = await runRule(unsafe, { code: VALID_RECIPE });
    expect(run.diagnostics.map((d) => d.fixSafety)).toEqual(['unsafe']);
    expect(await fixedOutput(run)).toBe(VALID_RECIPE.replace('pkg: "hello"', 'pkg: "bye"'));
    expect(await fixedOutput(run, { unsafeFixes: false })).toBeNull();
  });
});
