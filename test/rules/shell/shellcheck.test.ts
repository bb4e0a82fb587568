import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/core/config.js';
import { lintPaths } from '../../../src/core/run.js';
import { applyFixes } from '../../shellcheck/apply.js';
import { hasShellcheck } from '../../shellcheck/available.js';
import { compact, lint, recipe, testConfig, VALID_RECIPE } from '../../helpers.js';

function withShellcheck(change: (settings: Config['settings']['shellcheck']) => void = () => {}, rules: Config['rules'] = {}): Partial<Config> {
  const config = testConfig();
  config.settings.shellcheck.enabled = true;
  change(config.settings.shellcheck);
  return { settings: config.settings, rules };
}

const script = (shell: string, ...xExec: string[]) => recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', `  shell: "${shell}"`, ...xExec);
const findings = async (text: string, config = withShellcheck()) =>
  (await lint(text, { only: 'shell', config })).filter((d) => d.ruleId !== 'shell/syntax').map(compact);

const SC2154 = (at: string, name: string) => `shell/SC2154 warning ${at} ${name} is referenced but not assigned.`;
const SC2086 = (at: string) => `shell/SC2086 info ${at} Double quote to prevent globbing and word splitting.`;

describe.skipIf(!hasShellcheck)('shell/shellcheck with ShellCheck installed', () => {
  it('reports findings at their line and column in `|`, `|-`, `|+` and indented blocks', async () => {
    expect(await findings(script('bash', '  run: |', '    echo "start"', '    echo "$foo" $PKG_VER'))).toEqual([SC2154('7:11-7:15', 'foo'), SC2086('7:17-7:25')]);
    expect(await findings(script('bash', '  run: |-', '    echo "$foo"'))).toEqual([SC2154('6:11-6:15', 'foo')]);
    expect(await findings(script('bash', '  run: |+', '', '    echo "$foo"', '', ''))).toEqual([SC2154('7:11-7:15', 'foo')]);
    expect(await findings(script('bash', '  run: |4', '        echo "$foo"', '      echo "$bar"'))).toEqual([
      SC2154('6:15-6:19', 'foo'),
      SC2154('7:13-7:17', 'bar'),
    ]);
  });

  it('checks a script an alias stands for, at its position inside the anchored text, naming the alias', async () => {
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'x_script: &s |', '  echo "$foo"', 'x_exec:', '  shell: "bash"', '  run: *s');
    expect(await findings(text)).toEqual([`${SC2154('4:9-4:13', 'foo')} (x_exec.run is alias *s on line 7, anchored on line 3)`]);
  });

  it('counts columns as an editor does: tabs as one column, characters outside the BMP as two', async () => {
    expect(await findings(script('bash', '  run: |', '    \techo "😀" "$foo"'))).toEqual([SC2154('6:17-6:21', 'foo')]);
  });

  it('checks x_exec.pkgver, and maps quoted and folded scalars exactly', async () => {
    expect(await findings(script('bash', '  pkgver: |', '    echo "$foo"'))).toEqual([SC2154('6:11-6:15', 'foo')]);
    expect(await findings(script('bash', '  run: "echo \\"$foo\\""'))).toEqual([SC2154('5:16-5:20', 'foo')]);
    expect(await findings(script('bash', '  run: >', '    echo a;', '    echo "$foo"'))).toEqual([SC2154('7:11-7:15', 'foo')]);
  });

  it('declares the builder variables without hiding a variable that nothing assigns', async () => {
    const uses = ['$pkg', '$pkg_id', '$pkg_type', '$pkg_ver', '$sbuild_outdir', '$sbuild_tmpdir', '$arch', '$remote_pkgver'];
    expect(await findings(script('bash', '  run: |', `    echo ${uses.map((use) => `"${use}"`).join(' ')} "$foo"`))).toEqual([
      SC2154('6:110-6:114', 'foo'),
    ]);
    // Without the declaration, ShellCheck would take PKG_VER for a misspelling of PKG_VERS (SC2153).
    expect(await findings(script('bash', '  run: |', '    PKG_VERS=1', '    echo "$PKG_VER" "$PKG_VERS"'))).toEqual([]);
    // PKGVER is not in the specification's list, but the builder sets it: not a misspelling of PKG_VER.
    expect(await findings(script('bash', '  run: |', '    echo "$PKG_VER" "$PKGVER" "$SBUILD_PKGVER"'))).toEqual([]);
    expect(await findings(script('bash', '  run: |', '    PKG_VERSIN=1', '    echo "$PKG_VERSON" "$PKG_VERSIN"'))).toEqual([
      'shell/SC2153 info 7:11-7:22 Possible misspelling: PKG_VERSON may not be assigned. Did you mean PKG_VERSIN?',
    ]);
  });

  it('does not report on the lines it appends, even after an `exit` or a trailing `\\`', async () => {
    expect(await findings(script('bash', '  run: |', '    echo "$PKG"', '    exit 0'))).toEqual([]);
    expect(await findings(script('bash', '  run: |-', '    echo "$PKG" \\'))).toEqual([]);
  });

  it('checks each script in the dialect of x_exec.shell', async () => {
    const test = ['  run: |', '    if [[ -n "$PKG" ]]; then echo "$PKG"; fi'];
    expect(await findings(script('bash', ...test))).toEqual([]);
    expect(await findings(script('/bin/sh', ...test))).toEqual(["shell/SC3010 warning 6:8-6:23 In POSIX sh, [[ ]] is undefined."]);
  });

  it('skips scripts for shells ShellCheck does not know, with one info per script', async () => {
    expect(await findings(script('zsh', '  pkgver: |', '    echo $foo', '  run: |', '    echo $foo'))).toEqual([
      "shell/shellcheck info 5:3-5:9 x_exec.pkgver is not checked by ShellCheck: x_exec.shell is 'zsh', and ShellCheck supports sh, bash, dash, ksh",
      "shell/shellcheck info 7:3-7:6 x_exec.run is not checked by ShellCheck: x_exec.shell is 'zsh', and ShellCheck supports sh, bash, dash, ksh",
    ]);
  });

  it('maps ShellCheck levels to severities as configured, and rule settings win', async () => {
    const text = script('bash', '  run: |', '    echo "$foo" $PKG_VER');
    const remapped = withShellcheck((settings) => {
      settings.severity = { error: 'error', warning: 'error', info: 'off', style: 'off' };
    });
    expect(await findings(text, remapped)).toEqual([SC2154('6:11-6:15', 'foo').replace('warning', 'error')]);
    expect(await findings(text, withShellcheck(() => {}, { 'shell/SC2086': 'warn', 'shell/SC2154': 'off' }))).toEqual([
      SC2086('6:17-6:25').replace('info', 'warning'),
    ]);
    expect(await findings(text, withShellcheck((settings) => settings.exclude.push('2154', 'SC2086')))).toEqual([]);
  });

  it('links each finding to its ShellCheck wiki page', async () => {
    const [finding] = await lint(script('bash', '  run: |', '    echo "$foo"'), { only: 'shell', config: withShellcheck() });
    expect(finding?.url).toBe('https://www.shellcheck.net/wiki/SC2154');
  });

  it("turns ShellCheck's one-line fixes in literal blocks into edits of the recipe when the fixes option is on", async () => {
    const text = script('bash', '  run: |', '    cd "$SBUILD_OUTDIR"', '    echo $PKG_VER # done');
    const config = withShellcheck(() => {}, { 'shell/shellcheck': ['warning', { fixes: true }] });
    const diagnostics = await lint(text, { only: 'shell', config });
    expect(applyFixes(text, diagnostics)).toBe(script('bash', '  run: |', '    cd "$SBUILD_OUTDIR" || exit', '    echo "$PKG_VER" # done'));
  });

  it('offers no fix by default: ShellCheck fixes change what the script does', async () => {
    const text = script('bash', '  run: |', '    cd "$SBUILD_OUTDIR"', '    make');
    const diagnostics = await lint(text, { only: 'shell', config: withShellcheck() });
    expect(diagnostics.map((d) => [d.ruleId, d.fix])).toEqual([['shell/SC2164', undefined]]);
  });

  it('finds nothing in a clean recipe', async () => {
    expect(await findings(VALID_RECIPE)).toEqual([]);
  });
});

describe('shell/shellcheck without ShellCheck', () => {
  it('says once per run that ShellCheck is missing, and lints on', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-no-shellcheck-'));
    const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((name) => join(directory, name));
    for (const file of files) writeFileSync(file, script('bash', '  run: |', '    echo $foo'));
    const config = { ...testConfig(), ...withShellcheck((settings) => (settings.path = join(directory, 'no-shellcheck'))) } as Config;
    const run = await lintPaths(files, { config });
    expect(run.notices).toEqual([
      `ShellCheck was not found ('${join(directory, 'no-shellcheck')}' cannot be run), so the shell/SC* checks were skipped: install it (e.g. apt-get install shellcheck), pass --shellcheck <path>, or turn it off with --no-shellcheck`,
    ]);
    expect(run.results.flatMap((result) => result.diagnostics.map((d) => d.ruleId)).filter((id) => id.startsWith('shell/'))).toEqual([]);
  });

  it('runs nothing and says nothing when turned off', async () => {
    const run = await lintPaths([], { config: testConfig() });
    expect(run.notices).toEqual([]);
    expect(await findings(script('zsh', '  run: |', '    echo $foo'), { ...withShellcheck((settings) => (settings.enabled = false)) })).toEqual([]);
  });
});
