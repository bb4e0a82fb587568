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
    const fixing = (fixable: boolean) =>
      defineRule({
        id: 'sbuild/test-fixing',
        description: 'renames pkg',
        severity: 'warning',
        fixable,
        check({ recipe, report }) {
          const node = recipe.node(['pkg']);
          if (node?.range) report({ message: 'rename', at: node, fix: { start: node.range[0], end: node.range[1], text: '"bye"' } });
        },
      });
    const undeclared = await runRule(fixing(false), { code: VALID_RECIPE });
    expect(() => checkContract(undeclared)).toThrow(/offers fixes but does not declare fixable/);
    const declared = await runRule(fixing(true), { code: VALID_RECIPE });
    checkContract(declared);
    expect(await fixedOutput(declared)).toBe(VALID_RECIPE.replace('pkg: "hello"', 'pkg: "bye"'));
  });
});
