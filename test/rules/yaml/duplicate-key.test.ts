import { describe, expect, it } from 'vitest';
import { compact, lint, recipe } from '../../helpers.js';

describe('yaml/duplicate-key', () => {
  it('points at the repeated key', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: foo', 'x_exec:', '  shell: bash', '  shell: sh', 'pkg: bar'), {
      only: 'yaml/duplicate-key',
    });
    expect(diagnostics.map(compact)).toEqual([
      "yaml/duplicate-key error 5:3-5:8 Duplicate key 'shell': YAML keeps only one of the values; remove or rename the repeated key",
      "yaml/duplicate-key error 6:1-6:4 Duplicate key 'pkg': YAML keeps only one of the values; remove or rename the repeated key",
    ]);
  });

  it('does not stop the other rules', async () => {
    const diagnostics = await lint(recipe('pkg: foo', 'pkg: bar'));
    expect(diagnostics.map((d) => d.ruleId)).toContain('sbuild/shebang');
  });

  it('accepts the same key in different mappings', async () => {
    expect(await lint(recipe('#!/SBUILD', 'a:', '  pkg: 1', 'b:', '  pkg: 2'), { only: 'yaml/duplicate-key' })).toEqual([]);
  });

  it('sees a key repeated through an alias key', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'x_k: &k pkg', 'pkg: foo', '*k : bar'), { only: 'yaml/duplicate-key' });
    expect(diagnostics.map(compact)).toEqual([
      "yaml/duplicate-key error 4:1-4:3 Duplicate key '*k': YAML keeps only one of the values; remove or rename the repeated key (the value of alias *k, anchored on line 2)",
    ]);
  });
});
