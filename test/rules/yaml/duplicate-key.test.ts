import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester, VALID_RECIPE } from '../../helpers.js';

const DUPLICATE = 'the builder keeps the later value and silently drops the earlier one; remove or rename the repeated key';
const REJECTED = (target: string) => `the ${target} builder's linter rejects a repeated top-level key (builders from 2f1f48e, 2026-02-17 on keep the later value); remove or rename the repeated key`;
const LOST = 'one of the values is lost; remove or rename the repeated key';

ruleTester.run('yaml/duplicate-key', {
  valid: [{ name: 'the same key in different mappings', code: recipe('#!/SBUILD', 'a:', '  pkg: 1', 'b:', '  pkg: 2') }],
  invalid: [
    {
      name: 'the repeated key',
      code: recipe('#!/SBUILD', 'pkg: foo', 'x_exec:', '  shell: bash', '  shell: sh', 'pkg: bar'),
      errors: [`yaml/duplicate-key warning 5:3-5:8 Duplicate key 'shell': ${DUPLICATE}`, `yaml/duplicate-key warning 6:1-6:4 Duplicate key 'pkg': ${DUPLICATE}`],
      output: null,
    },
    {
      name: 'a key repeated through an alias key',
      code: recipe('#!/SBUILD', 'x_k: &k pkg', 'pkg: foo', '*k : bar'),
      errors: [`yaml/duplicate-key warning 4:1-4:3 Duplicate key '*k': ${DUPLICATE} (the value of alias *k, anchored on line 2)`],
      output: null,
    },
    {
      name: 'from the 2026-02 builder on, a repeated key at any level is a warning',
      code: recipe('#!/SBUILD', 'pkg: foo', 'x_exec:', '  shell: bash', '  shell: sh', 'pkg: bar'),
      settings: { target: '2026-02' },
      errors: [`yaml/duplicate-key warning 5:3-5:8 Duplicate key 'shell': ${DUPLICATE}`, `yaml/duplicate-key warning 6:1-6:4 Duplicate key 'pkg': ${DUPLICATE}`],
      output: null,
    },
    {
      name: 'before 2026-02, a repeated top-level key is an error (the serde-based linter rejects it), a nested one a warning',
      code: recipe('#!/SBUILD', 'pkg: foo', 'x_exec:', '  shell: bash', '  shell: sh', '"pkg": bar'),
      settings: { target: '2026-01' },
      errors: [`yaml/duplicate-key warning 5:3-5:8 Duplicate key 'shell': ${LOST}`, `yaml/duplicate-key error 6:1-6:6 Duplicate key '"pkg"': ${REJECTED('2026-01')}`],
      output: null,
    },
    {
      name: 'at the 2025-11 builder too',
      code: recipe('#!/SBUILD', 'pkg: foo', 'pkg: bar'),
      settings: { target: '2025-11' },
      errors: [`yaml/duplicate-key error 3:1-3:4 Duplicate key 'pkg': ${REJECTED('2025-11')}`],
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

  it('leaves the other rules the later value, as the builder does, at the later key', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('pkg: "hello"\n', 'pkg: "hello"\npkg: "hello world"\n'), { only: 'sbuild/name-chars' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message.split(':')[0]}`)).toEqual(["4:6 pkg 'hello world' contains ' '"]);
  });

  it('does not stop the other rules', async () => {
    const diagnostics = await lint(recipe('pkg: foo', 'pkg: bar'));
    expect(diagnostics.map((d) => d.ruleId)).toContain('sbuild/shebang');
  });
});
