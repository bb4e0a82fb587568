import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRecipe, runCli, tempTree } from './cli.js';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe('--fix and a file whose second YAML document has a syntax error', () => {
  it('leaves the file as it is, and reports the syntax error', () => {
    const text = `${goodRecipe().replace('_disabled: false', '_disabled: "false"')}---\nkey: [unclosed\n`;
    const directory = tempTree({ 'r.yaml': text });
    directories.push(directory);
    const run = runCli(['--fix', '-f', 'json', join(directory, 'r.yaml')]);
    expect(readFileSync(join(directory, 'r.yaml'), 'utf8')).toBe(text);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages.map((m) => m.ruleId)).toContain('yaml/syntax');
    expect(result!.messages.map((m) => m.ruleId)).toContain('sbuild/implicit-type');
    expect(run.code).toBe(1);
  });
});
