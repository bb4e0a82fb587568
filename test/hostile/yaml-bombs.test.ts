import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GOOD_RECIPE, idsByFile, jsonResults, runCli, tempTree } from './cli.js';

/** Ten levels of nine aliases: 9^10 (about 3.5 billion) nodes once expanded. */
function billionLaughs(): string {
  const lines = ['#!/SBUILD', 'pkg: "lol"', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level <= 10; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

const DEPTH = 10_000;
const directory = tempTree({
  'bomb.yaml': billionLaughs(),
  'deep-flow-sequence.yaml': `#!/SBUILD\npkg: "deep"\nx: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
  'deep-flow-mapping.yaml': `#!/SBUILD\npkg: "deep"\nx: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`,
  'deep-block-sequence.yaml': `#!/SBUILD\npkg: "deep"\nx:\n  ${'- '.repeat(DEPTH)}leaf\n`,
  'good.yaml': GOOD_RECIPE,
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('YAML built to exhaust the parser', () => {
  it('stops a billion-laughs alias bomb with yaml/alias-limit at the alias that takes it past the limit, quickly', () => {
    const started = Date.now();
    const run = runCli(['--format', 'json', join(directory, 'bomb.yaml'), join(directory, 'good.yaml')], { timeoutMs: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    const [bomb, good] = jsonResults(run);
    expect(bomb!.messages).toEqual([
      expect.objectContaining({ ruleId: 'yaml/alias-limit', severity: 2, line: 7, column: 10, message: expect.stringContaining('at alias *a3, aliases expand to more than 1000 nodes') }),
    ]);
    expect(good!.messages).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('reports 10,000 levels of nesting as a syntax error in every style, without a crash, and lints the other files', () => {
    const run = runCli(['--format', 'json', directory]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const ids = idsByFile(run);
    for (const name of ['deep-flow-sequence.yaml', 'deep-flow-mapping.yaml', 'deep-block-sequence.yaml']) {
      expect(ids[join(directory, name)], name).toEqual(['yaml/syntax']);
    }
    const deep = jsonResults(run).find((result) => result.filePath.endsWith('deep-flow-sequence.yaml'))!;
    expect(deep.messages[0]!.message).toMatch(/^YAML syntax error: the YAML is nested too deeply to read/);
    expect(deep.messages[0]!.line).toBe(3);
    expect(ids[join(directory, 'good.yaml')]).toEqual([]);
    expect(ids[join(directory, 'bomb.yaml')]).toEqual(['yaml/alias-limit']);
  });
});
