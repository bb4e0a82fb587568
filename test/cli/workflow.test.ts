import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recipe, VALID_RECIPE } from '../helpers.js';

const bin = fileURLToPath(new URL('../../dist/src/bin.js', import.meta.url));

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fim-lint-workflow-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** A recipe whose only problem is a warning (no shebang line). */
const WARNING_ONLY = VALID_RECIPE.replace('#!/SBUILD ver @v1.0.0\n', '# hello\n');
/** `text` with the pkg_id `id`: recipes linted in one run may not share one (sbuild/duplicate-pkg-id). */
const withPkgId = (text: string, id: string) => text.replace(/^pkg_id: .*$/m, `pkg_id: "${id}"`);
/**
 * A recipe whose only problem is a repeated top-level key (on line 4), with another pkg_id than WARNING_ONLY: a warning
 * (the default builder keeps the later value), an error with --target 2025-11 (whose linter rejects it).
 */
const DUPLICATE = withPkgId(VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', 'pkg: "hello-bin"')), 'github.com.example.duplicate');
const KEEPS_LATER = "Duplicate key 'pkg': the builder keeps the later value and silently drops the earlier one; remove or rename the repeated key";
const REJECTED =
  "Duplicate key 'pkg': the 2025-11 builder's linter rejects a repeated top-level key (builders from 2f1f48e, 2026-02-17 on keep the later value); remove or rename the repeated key";

describe('output selection', () => {
  it('writes several formats in one run: one to standard output, the others to files', () => {
    const root = project({ 'r.yaml': DUPLICATE });
    const { code, stdout } = run(['--format', 'gcc', '--format', 'sarif=reports/out.sarif', '--format', 'checkstyle=cs.xml', 'r.yaml'], root);
    expect(code).toBe(0);
    expect(stdout).toBe(`r.yaml:4:1: warning: ${KEEPS_LATER} [yaml/duplicate-key]\n`);
    expect(JSON.parse(readFileSync(join(root, 'reports/out.sarif'), 'utf8')).runs[0].results[0].ruleId).toBe('yaml/duplicate-key');
    expect(readFileSync(join(root, 'cs.xml'), 'utf8')).toContain('<file name="r.yaml">');
  });

  it('--output-file takes the format given without a file', () => {
    const root = project({ 'r.yaml': DUPLICATE });
    const { stdout } = run(['--format', 'json', '--output-file', 'out.json', 'r.yaml'], root);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'out.json'), 'utf8'))[0].warningCount).toBe(1);
  });

  it('refuses two formats on standard output and unknown formats', () => {
    const root = project({ 'r.yaml': DUPLICATE });
    expect(run(['--format', 'gcc', '--format', 'json', 'r.yaml'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('only one format can write to standard output') });
    expect(run(['--format', 'tap', 'r.yaml'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown format 'tap'") });
  });

  it('chooses the github format under GitHub Actions when no format is given', () => {
    const root = project({ 'r.yaml': DUPLICATE });
    const { stdout } = run(['r.yaml'], root, { GITHUB_ACTIONS: 'true' });
    expect(stdout.split('\n')[0]).toBe(
      `::warning file=r.yaml,line=4,endLine=4,col=1,endColumn=4,title=yaml/duplicate-key::${KEEPS_LATER}`,
    );
    expect(run(['--format', 'gcc', 'r.yaml'], root, { GITHUB_ACTIONS: 'true' }).stdout).toMatch(/^r\.yaml:4:1: warning/);
  });
});

describe('thresholds', () => {
  it('--max-warnings fails the run when there are more warnings than allowed', () => {
    const root = project({ 'r.yaml': WARNING_ONLY });
    expect(run(['r.yaml'], root).code).toBe(0);
    expect(run(['--max-warnings', '1', 'r.yaml'], root).code).toBe(0);
    const over = run(['--max-warnings', '0', 'r.yaml'], root);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('fim-lint: 1 warnings found, more than --max-warnings 0\n');
    expect(run(['--max-warnings', 'x', 'r.yaml'], root).code).toBe(2);
  });

  it('--quiet reports errors only', () => {
    const root = project({ 'w.yaml': WARNING_ONLY, 'e.yaml': DUPLICATE });
    const { stdout } = run(['--quiet', '--format', 'gcc', '--target', '2025-11', '.'], root);
    expect(stdout).toBe(`e.yaml:4:1: error: ${REJECTED} [yaml/duplicate-key]\n`);
    expect(run(['--quiet', '--format', 'gcc', '.'], root).stdout).toBe('');
  });

  it('the stylish summary counts errors, warnings and fixable problems', () => {
    const root = project({ 'w.yaml': WARNING_ONLY, 'e.yaml': DUPLICATE });
    expect(run(['--target', '2025-11', '.'], root).stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 error, 1 warning, 1 fixable with --fix · 2 files checked');
    expect(run(['.'], root).stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 2 warnings, 1 fixable with --fix · 2 files checked');
    expect(run(['e.yaml'], project({ 'e.yaml': VALID_RECIPE })).stdout).toBe('✔ 0 errors, 0 warnings, 0 fixable · 1 file checked\n');
  });
});

describe('configuration on the command line', () => {
  it('finds .fim-lint.yaml from each file upward, honours its ignores and overrides', () => {
    const root = project({
      '.fim-lint.yaml': 'ignore: [templates/]\nrules:\n  yaml/duplicate-key: warn\noverrides:\n  - files: [strict/]\n    rules:\n      yaml/duplicate-key: error\n',
      'templates/t.yaml': DUPLICATE,
      'loose/r.yaml': DUPLICATE,
      'strict/r.yaml': withPkgId(DUPLICATE, 'github.com.example.strict'),
    });
    const { code, stdout } = run(['--format', 'gcc', '.'], root);
    expect(code).toBe(1);
    expect(stdout.split('\n').map((line) => line.replace(/: Duplicate.*/, ''))).toEqual(['loose/r.yaml:4:1: warning', 'strict/r.yaml:4:1: error', '']);
    expect(run(['loose'], root).stdout).toContain('1 file checked');
    expect(run(['.'], root).stdout.replace(/\s+/g, ' ')).toContain('2 files checked, 1 skipped (not recipes), 1 ignored');
  });

  it('--rule overrides every configuration file, --config replaces the lookup', () => {
    const root = project({ '.fim-lint.yaml': 'rules:\n  yaml/duplicate-key: warn\n', 'other.yaml': 'rules:\n  yaml/duplicate-key: off\n', 'r.yaml': DUPLICATE });
    expect(run(['--rule', 'yaml/duplicate-key=error', 'r.yaml'], root).code).toBe(1);
    expect(run(['r.yaml'], root).code).toBe(0);
    expect(run(['--config', 'other.yaml', '--format', 'gcc', 'r.yaml'], root).stdout).toBe('');
    expect(run(['--rule', 'yaml/nope=off', 'r.yaml'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown rule 'yaml/nope' (fim-lint --list-rules lists the rules)") });
    expect(run(['--rule', 'sbuild/hots=off', 'r.yaml'], root)).toMatchObject({ code: 2, stderr: "fim-lint: --rule sbuild/hots=off: unknown rule 'sbuild/hots'; did you mean 'sbuild/host'?\nRun 'fim-lint --help' for usage.\n" });
  });

  it('exits 2 with the file and the problem for an invalid configuration', () => {
    const root = project({ '.fim-lint.yaml': 'rules:\n  yaml/duplicate-key: loud\n', 'r.yaml': DUPLICATE });
    const { code, stderr } = run(['r.yaml'], root);
    expect(code).toBe(2);
    expect(stderr).toBe(`fim-lint: ${join(root, '.fim-lint.yaml')}:2:23: rules.yaml/duplicate-key must be off, info, warn, warning or error, or [level, {options}]\n`);
  });

  it('--print-config shows the configuration file and every rule as it applies to a file', () => {
    const root = project({ '.fim-lint.yaml': 'rules:\n  sbuild/shebang: off\nflatimage:\n  extraBaseImages: [custom]\n' });
    const printed = JSON.parse(run(['--print-config', 'a/r.yaml', '--rule', 'sbuild/disable-directive-reason=warn'], root).stdout);
    expect(printed.configFile).toBe(join(root, '.fim-lint.yaml'));
    expect(printed.rules).toMatchObject({ 'sbuild/shebang': 'off', 'yaml/duplicate-key': 'warning', 'sbuild/disable-directive-reason': 'warning', 'sbuild/unused-disable-directive': 'off' });
    // Every option a rule sees, its defaults included.
    expect(printed.rules['sbuild/host']).toEqual(['error', { requireLowercase: false }]);
    expect(printed.settings.flatimage.extraBaseImages).toEqual(['custom']);
  });

  it('--list-rules lists every rule with its default severity and documentation link', () => {
    const { code, stdout } = run(['--list-rules'], tmpdir());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^yaml\/duplicate-key +warning +A key may appear only once in a mapping \(the builder keeps the later value\)  https:\/\/github\.com\/fim-lint\/fim-lint\/blob\/main\/docs\/rules\/yaml\/duplicate-key\.md$/m);
    expect(stdout).toMatch(/^sbuild\/unused-disable-directive +off +fixable /m);
  });
});

describe('suppressions on the command line', () => {
  it('--report-unused-disable-directives reports directives that suppress nothing', () => {
    const root = project({ 'r.yaml': VALID_RECIPE.replace('pkg: "hello"\n', recipe('# fim-lint-disable-next-line yaml/duplicate-key', 'pkg: "hello"')) });
    expect(run(['r.yaml'], root).code).toBe(0);
    const { code, stdout } = run(['--report-unused-disable-directives', '--format', 'gcc', 'r.yaml'], root);
    expect(code).toBe(1);
    expect(stdout).toBe("r.yaml:3:1: error: Unused fim-lint-disable-next-line comment: no 'yaml/duplicate-key' problem was reported where it applies; remove it or correct the rule id [sbuild/unused-disable-directive]\n");
  });
});

describe('--skip-non-recipes', () => {
  it('skips named files that are plainly not recipes', () => {
    const root = project({ 'ci.yml': 'name: ci\non: push\n', 'r.yaml': VALID_RECIPE });
    // Without the option a named file is linted as a recipe, and a CI workflow lacks every required field.
    expect(run(['ci.yml', 'r.yaml'], root).code).toBe(1);
    expect(run(['ci.yml', 'r.yaml'], root).stdout).toContain('2 files checked');
    const skipped = run(['--skip-non-recipes', 'ci.yml', 'r.yaml'], root);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('1 file checked, 1 skipped (not recipes)');
  });
});
