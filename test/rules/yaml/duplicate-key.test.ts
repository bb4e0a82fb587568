import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester } from '../../helpers.js';

const DUPLICATE = 'YAML keeps only one of the values; remove or rename the repeated key';

ruleTester.run('yaml/duplicate-key', {
  valid: [{ name: 'the same key in different mappings', code: recipe('#!/SBUILD', 'a:', '  pkg: 1', 'b:', '  pkg: 2') }],
  invalid: [
    {
      name: 'the repeated key',
      code: recipe('#!/SBUILD', 'pkg: foo', 'x_exec:', '  shell: bash', '  shell: sh', 'pkg: bar'),
      errors: [`yaml/duplicate-key error 5:3-5:8 Duplicate key 'shell': ${DUPLICATE}`, `yaml/duplicate-key error 6:1-6:4 Duplicate key 'pkg': ${DUPLICATE}`],
      output: null,
    },
    {
      name: 'a key repeated through an alias key',
      code: recipe('#!/SBUILD', 'x_k: &k pkg', 'pkg: foo', '*k : bar'),
      errors: [`yaml/duplicate-key error 4:1-4:3 Duplicate key '*k': ${DUPLICATE} (the value of alias *k, anchored on line 2)`],
      output: null,
    },
  ],
});

describe('yaml/duplicate-key', () => {
  it('points at the first of the keys as a related place', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: foo', 'x_exec:', '  shell: bash', '  shell: sh', 'pkg: bar'), { only: 'yaml/duplicate-key' });
    expect(diagnostics.map((d) => d.related?.map(({ line, column, endLine, endColumn, message }) => `${line}:${column}-${endLine}:${endColumn} ${message}`))).toEqual([
      ["4:3-4:8 the first 'shell'"],
      ["2:1-2:4 the first 'pkg'"],
    ]);
  });

  it('does not stop the other rules', async () => {
    const diagnostics = await lint(recipe('pkg: foo', 'pkg: bar'));
    expect(diagnostics.map((d) => d.ruleId)).toContain('sbuild/shebang');
  });
});
