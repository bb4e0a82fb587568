import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileURLToPath } from 'node:url';
import { lintPaths } from '../src/core/run.js';
import { gcc } from '../src/reporters/gcc.js';
import { reportText, sharedRun } from './reporters/fixture.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

interface Matcher {
  owner: string;
  severity?: string;
  pattern: { regexp: string; file: number; line: number; column: number; severity?: number; message: number; code: number }[];
}

const matchers = (JSON.parse(read('.github/fim-lint-matcher.json')) as { problemMatcher: Matcher[] }).problemMatcher;

/**
 * A log line as the GitHub runner reads it with the shipped matchers: the first matcher whose pattern matches, its
 * groups, and the severity from the line or the matcher's default, lowercased; undefined when no matcher takes the
 * line or its severity is not one the runner keeps (error, warning, notice).
 */
function matchLine(line: string) {
  for (const matcher of matchers) {
    const pattern = matcher.pattern[0];
    const groups = new RegExp(pattern!.regexp).exec(line);
    if (!groups) continue;
    const severity = (pattern!.severity ? groups[pattern!.severity] : matcher.severity ?? 'error')!.toLowerCase();
    if (!['error', 'warning', 'notice'].includes(severity)) return undefined;
    const group = (index: number) => groups[index];
    return { file: group(pattern!.file), line: group(pattern!.line), column: group(pattern!.column), severity, message: group(pattern!.message), code: group(pattern!.code) };
  }
  return undefined;
}

describe('CI integrations', () => {
  it('the problem matcher reads every line of the gcc format, with or without colour codes', async () => {
    const { results, context } = await sharedRun();
    const lines = reportText(gcc(results, context)).trimEnd().split('\n');
    expect(lines.map(matchLine)).toEqual([
      { file: 'a/broken.yaml', line: '11', column: '1', severity: 'error', message: expect.stringMatching(/^Duplicate key 'pkg'/), code: 'yaml/duplicate-key' },
      { file: 'a/broken.yaml', line: '18', column: '1', severity: 'warning', message: expect.stringMatching(/^YAML document 2/), code: 'yaml/multiple-documents' },
      { file: 'b,dir:50%&<"q">/no-shebang.yaml', line: '1', column: '1', severity: 'warning', message: expect.stringMatching(/^Missing '#!\/SBUILD'/), code: 'sbuild/shebang' },
    ]);
    expect(matchLine(`\u001B[31m${lines[0]}`)?.file).toBe('a/broken.yaml');
  });

  it('the problem matcher gives every gcc line of the examples a severity the GitHub runner accepts: info is a notice', async () => {
    const run = await lintPaths([fileURLToPath(new URL('../recipes-examples/', import.meta.url))], {});
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const lines = reportText(gcc(run.results, { color: false, cwd, skipped: 0 })).trimEnd().split('\n');
    const diagnostics = run.results.flatMap((result) => result.diagnostics);
    expect(lines).toHaveLength(diagnostics.length);
    const runnerSeverity = { error: 'error', warning: 'warning', info: 'notice' } as const;
    expect(diagnostics.some((d) => d.severity === 'info')).toBe(true);
    lines.forEach((line, index) => {
      const match = matchLine(line);
      expect(match, line).toBeDefined();
      expect(match!.severity, line).toBe(runnerSeverity[diagnostics[index]!.severity]);
      expect(match!.code, line).toBe(diagnostics[index]!.ruleId);
      expect(`${match!.line}:${match!.column}`, line).toBe(`${diagnostics[index]!.line}:${diagnostics[index]!.column}`);
    });
  });

  it('the VS Code task of docs/editors.md reads error, warning and info lines of the gcc format', async () => {
    type VsCodeMatcher = Omit<Matcher, 'pattern'> & { pattern: Matcher['pattern'][number] };
    const task = JSON.parse(/\*\*VS Code\*\*[^]*?```json\n([^]*?)```/.exec(read('docs/editors.md'))![1]!) as { command: string; problemMatcher: VsCodeMatcher[] };
    expect(task.command).toContain('--format gcc');
    const { results, context } = await sharedRun();
    const info = { ...results[0]!.diagnostics[0]!, severity: 'info' as const, ruleId: 'sbuild/license', message: 'info text' };
    const lines = reportText(gcc([...results, { path: 'i.yaml', diagnostics: [info] }], context)).trimEnd().split('\n');
    const severities = lines.map((line) => {
      const matcher = task.problemMatcher.find((candidate) => new RegExp(candidate.pattern.regexp).test(line));
      const groups = new RegExp(matcher!.pattern.regexp).exec(line)!;
      return matcher!.pattern.severity ? groups[matcher!.pattern.severity] : matcher!.severity;
    });
    expect(severities).toEqual(['error', 'warning', 'warning', 'info']);
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
