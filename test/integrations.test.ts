import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gcc } from '../src/reporters/gcc.js';
import { reportText, sharedRun } from './reporters/fixture.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('CI integrations', () => {
  it('the problem matcher reads every line of the gcc format, with or without colour codes', async () => {
    const { results, context } = await sharedRun();
    const [matcher] = (JSON.parse(read('.github/fim-lint-matcher.json')) as { problemMatcher: { owner: string; pattern: { regexp: string }[] }[] }).problemMatcher;
    expect(matcher!.owner).toBe('fim-lint');
    const pattern = new RegExp(matcher!.pattern[0]!.regexp);
    const lines = reportText(gcc(results, context)).trimEnd().split('\n');
    const matched = lines.map((line) => pattern.exec(line)?.slice(1));
    expect(matched).toEqual([
      ['a/broken.yaml', '11', '1', 'error', expect.stringMatching(/^Duplicate key 'pkg'/), 'yaml/duplicate-key'],
      ['a/broken.yaml', '18', '1', 'warning', expect.stringMatching(/^YAML document 2/), 'yaml/multiple-documents'],
      ['b,dir:50%&<"q">/no-shebang.yaml', '1', '1', 'warning', expect.stringMatching(/^Missing '#!\/SBUILD'/), 'sbuild/shebang'],
    ]);
    expect(pattern.exec(`\u001B[31m${lines[0]}`)?.[1]).toBe('a/broken.yaml');
  });

  it('the action runs the built command line of this package', () => {
    const action = parse(read('action.yml')) as { runs: { using: string; steps: { run?: string }[] } };
    const bin = (JSON.parse(read('package.json')) as { bin: Record<string, string> }).bin['fim-lint'];
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.some((step) => step.run?.includes(`$GITHUB_ACTION_PATH/${bin}`))).toBe(true);
  });

  it('the pre-commit hook is a serial node hook on recipe file names that skips other YAML files and compares with the whole repository', () => {
    const [hook] = parse(read('.pre-commit-hooks.yaml')) as { id: string; language: string; entry: string; files: string }[];
    expect(hook).toMatchObject({ id: 'fim-lint', language: 'node', entry: 'fim-lint --skip-non-recipes --cross-file-context .', require_serial: true });
    const files = new RegExp(hook!.files);
    expect(['binaries/a/static.official.stable.yaml', 'x.yml', 'pkg.SBUILD', 'README.md', 'a.yaml.disabled'].map((name) => files.test(name))).toEqual([true, true, true, false, false]);
  });
});
