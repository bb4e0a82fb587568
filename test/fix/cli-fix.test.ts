import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/src/bin.js');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fim-lint-fix-')), name);
  writeFileSync(path, content);
  return path;
}

const BODY =
  '_disabled: false\r\npkg: "a" # the name\r\ndescription: "d"\r\npkgver: "1.0.0"\r\nsrc_url:\r\n  - "https://github.com/example/a"\r\nx_exec:\r\n  shell: "sh"\r\n  run: "true"\r\n';
/** A complete recipe but for its shebang line, which is the one fixable problem. */
const NO_SHEBANG = '# a recipe\n_disabled: false\npkg: "a"\ndescription: "d"\npkgver: "1.0.0"\nsrc_url: ["https://github.com/example/a"]\nx_exec: { shell: "sh", run: "true" }\n';

describe('fim-lint --fix', () => {
  it('fixes in place keeping the BOM, CRLF line ends, comments and the file mode; a second run changes nothing', () => {
    const path = tempFile('r.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY)]));
    chmodSync(path, 0o600);
    const first = run(['--fix', path]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✔ 0 errors, 0 warnings, 0 fixable');
    const fixed = readFileSync(path);
    expect(fixed.toString('utf8')).toBe(`\uFEFF#!/SBUILD ver @v1.0.0\r\n${BODY}`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(run(['--fix', path]).code).toBe(0);
    expect(readFileSync(path).equals(fixed)).toBe(true);
  });

  it('applies the safe fixes only; --unsafe-fixes adds the key rename; the summary counts both kinds', () => {
    const text = NO_SHEBANG.replace('pkg: "a"', 'pkg: "a"\npkg_tpye: "static"');
    const path = tempFile('r.yaml', text);
    const dryRun = run(['--fix-dry-run', path]);
    expect(dryRun.stdout).toContain('+#!/SBUILD ver @v1.0.0');
    expect(dryRun.stdout).not.toContain('+pkg_type');
    const first = run(['--fix', path]);
    expect(first.stdout).toContain("Unknown key 'pkg_tpye'");
    expect(first.stdout).toContain('(fixable with --unsafe-fixes)');
    expect(first.stdout).toContain('0 fixable, 1 more with --unsafe-fixes');
    expect(readFileSync(path, 'utf8')).toBe(`#!/SBUILD ver @v1.0.0\n${text}`);
    const second = run(['--fix', '--unsafe-fixes', path]);
    expect(second.stdout).toContain('0 errors, 0 warnings, 0 fixable');
    expect(readFileSync(path, 'utf8')).toBe(`#!/SBUILD ver @v1.0.0\n${text.replace('pkg_tpye', 'pkg_type')}`);
  });

  it('refuses --unsafe-fixes without a fixing option', () => {
    const { code, stderr } = run(['--unsafe-fixes', tempFile('r.yaml', NO_SHEBANG)]);
    expect(code).toBe(2);
    expect(stderr).toContain('--unsafe-fixes goes with --fix, --fix-dry-run or --emit-validated');
  });

  it('never rewrites a file with a YAML syntax error that it cannot fix', () => {
    const text = 'pkg: "a"\nx_exec: [unclosed\n';
    const path = tempFile('r.yaml', text);
    const { code, stdout } = run(['--fix', path]);
    expect(code).toBe(1);
    expect(stdout).toContain('yaml/syntax');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('re-indents a script written at column 1 under `run: |` into its block, and the recipe then parses', () => {
    const head = '#!/SBUILD ver @v1.0.0\n_disabled: false\npkg: "a"\ndescription: "d"\npkgver: "1.0.0"\nsrc_url:\n  - "https://github.com/example/a"\nx_exec:\n  shell: "bash"\n  run: |\n';
    const script = ['#!/usr/bin/env bash', 'if [ -n "${PKG}" ]; then', '  echo "${PKG}"', 'fi'];
    const path = tempFile('r.yaml', `${head}    ${script[0]}\n${script.slice(1).join('\n')}\n`);
    const before = run(['--format', 'json', path]);
    expect(before.code).toBe(1);
    const [result] = JSON.parse(before.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    expect(result!.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)).toEqual([
      'yaml/syntax 12:1 Line 12 starts at column 1, left of the script of `run: |` on line 10, so the script ends at line 11: indent lines 12–14 by 4 spaces',
    ]);
    const fixed = run(['--fix', path]);
    expect(fixed.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(head + script.map((line) => `    ${line}\n`).join(''));
    expect(run([path]).code).toBe(0);
  });

  it('--fix-dry-run prints a unified diff, reports what would be left on stderr, and writes nothing', () => {
    const path = tempFile('r.yaml', NO_SHEBANG);
    const { code, stdout, stderr } = run(['--fix-dry-run', path]);
    expect(code).toBe(0);
    expect(stdout).toBe(`--- ${path}\n+++ ${path}\n@@ -1,3 +1,4 @@\n+#!/SBUILD ver @v1.0.0\n # a recipe\n _disabled: false\n pkg: "a"\n`);
    expect(stderr).toContain('✔ 0 errors, 0 warnings, 0 fixable');
    expect(readFileSync(path, 'utf8')).toBe(NO_SHEBANG);
  });

  it('marks fixable problems in the human output and counts them in JSON', () => {
    const path = tempFile('r.yaml', NO_SHEBANG);
    expect(run([path]).stdout).toMatch(/Missing '#!\/SBUILD' first line[^]*?\(fixable\) {2}sbuild\/shebang[\s\S]*1 fixable with --fix/);
    const [result] = JSON.parse(run(['--format', 'json', path]).stdout) as { fixableWarningCount: number; messages: { fix?: unknown }[] }[];
    expect(result!.fixableWarningCount).toBe(1);
    expect(result!.messages[0]!.fix).toEqual({ range: [0, 0], text: '#!/SBUILD ver @v1.0.0\n' });
  });

  it('refuses --fix on standard input and --fix with --fix-dry-run', () => {
    expect(run(['--fix', '-'], 'pkg: a\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('--fix cannot rewrite standard input') });
    expect(run(['--fix', '--fix-dry-run', 'recipes-examples/hello'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be used together') });
  });
});

describe('fim-lint --emit-validated', () => {
  it('writes <file>.validated next to a recipe without errors, and none next to one with errors', () => {
    const good = tempFile('static.yaml', '#!/SBUILD\n_disabled: false\npkg: "a"\ndescription: "d"\npkgver: "1.0.0"\nsrc_url:\n  - "https://github.com/example/a"\nx_exec:\n  run: "true"\n  shell: "sh"\n');
    const bad = tempFile('static.yaml', '#!/SBUILD\npkg: "a"\npkg: "b"\n');
    const { code } = run(['--emit-validated', good, bad]);
    expect(code).toBe(1);
    expect(readFileSync(`${good}.validated`, 'utf8')).toBe(
      '#!/SBUILD\n_disabled: false\npkg: "a"\npkg_id: "github.com.example.a"\npkgver: "1.0.0"\ncategory:\n  - "Utility"\ndescription: "d"\nsrc_url:\n  - "https://github.com/example/a"\nx_exec:\n  shell: "sh"\n  run: "true"\n',
    );
    expect(existsSync(`${bad}.validated`)).toBe(false);
  });
});
