import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/core/config.js';
import { lintText } from '../../../src/core/lint.js';
import { loadRules } from '../../../src/core/registry.js';
import { lintPaths } from '../../../src/core/run.js';
import { fixText } from '../../../src/fix/fix-text.js';
import { hasShellcheck } from '../../shellcheck/available.js';
import { compact, lint, recipe, ruleTester, testConfig, VALID_RECIPE } from '../../helpers.js';

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
const SC2164 = (at: string, severity = 'warning') => `shell/SC2164 ${severity} ${at} Use 'cd ... || exit' or 'cd ... || return' in case cd fails.`;
const levels = testConfig().settings.shellcheck;
const unquoted = script('bash', '  run: |', '    echo "$foo" $PKG_VER');
const cd = script('bash', '  run: |', '    cd "$SBUILD_OUTDIR"', '    echo $PKG_VER # done');

ruleTester.run(
  'shell/shellcheck',
  {
    valid: [
      {
        name: 'PKG_VER next to a PKG_VERS the script sets: the builder variables are declared, so no misspelling is guessed',
        code: script('bash', '  run: |', '    PKG_VERS=1', '    echo "$PKG_VER" "$PKG_VERS"'),
      },
      { name: 'PKGVER, which the builder sets although the specification does not list it', code: script('bash', '  run: |', '    echo "$PKG_VER" "$PKGVER" "$SBUILD_PKGVER"') },
      { name: 'the lines appended after an `exit`', code: script('bash', '  run: |', '    echo "$PKG"', '    exit 0') },
      { name: 'the lines appended after a trailing `\\`', code: script('bash', '  run: |-', '    echo "$PKG" \\') },
      { name: '[[ ]] in bash', code: script('bash', '  run: |', '    if [[ -n "$PKG" ]]; then echo "$PKG"; fi') },
      { name: 'excluded codes', code: unquoted, settings: { shellcheck: { exclude: [...levels.exclude, '2154', 'SC2086'] } } },
      { name: 'a clean recipe', code: VALID_RECIPE },
      // builder-truth §2.1: run gets ARCH and arch from 2026-02 (2f0964f).
      { name: 'arch in run, for the default builder', code: script('bash', '  run: |', '    echo "$arch"') },
    ],
    invalid: [
      {
        name: 'findings at their line and column in a `|` block',
        code: script('bash', '  run: |', '    echo "start"', '    echo "$foo" $PKG_VER'),
        errors: [SC2154('7:11-7:15', 'foo'), SC2086('7:17-7:25')],
        output: script('bash', '  run: |', '    echo "start"', '    echo "$foo" "$PKG_VER"'),
      },
      { name: 'in a `|-` block', code: script('bash', '  run: |-', '    echo "$foo"'), errors: [SC2154('6:11-6:15', 'foo')], output: null },
      { name: 'in a `|+` block', code: script('bash', '  run: |+', '', '    echo "$foo"', '', ''), errors: [SC2154('7:11-7:15', 'foo')], output: null },
      {
        name: 'in a block with an indentation indicator',
        code: script('bash', '  run: |4', '        echo "$foo"', '      echo "$bar"'),
        errors: [SC2154('6:15-6:19', 'foo'), SC2154('7:13-7:17', 'bar')],
        output: null,
      },
      {
        name: 'a script an alias stands for, at its position inside the anchored text, naming the alias',
        code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_script: &s |', '  echo "$foo"', 'x_exec:', '  shell: "bash"', '  run: *s'),
        errors: [`${SC2154('4:9-4:13', 'foo')} (x_exec.run is alias *s on line 7, anchored on line 3)`],
        output: null,
      },
      {
        name: 'columns counted as an editor does: tabs as one column, characters outside the BMP as two',
        code: script('bash', '  run: |', '    \techo "😀" "$foo"'),
        errors: [SC2154('6:17-6:21', 'foo')],
        output: null,
      },
      { name: 'x_exec.pkgver', code: script('bash', '  pkgver: |', '    echo "$foo"'), errors: [SC2154('6:11-6:15', 'foo')], output: null },
      // builder-truth §2.4: x_exec.pkgver runs before the build context exists and gets none of the builder variables.
      { name: 'a builder variable in x_exec.pkgver', code: script('bash', '  pkgver: |', '    echo "$pkg"'), errors: [SC2154('6:11-6:15', 'pkg')], output: null },
      // builder-truth §2.1, §6: the 2025-11 builder did not export ARCH (2f0964f, 2026-02-18).
      {
        name: 'arch in run, for the 2025-11 builder',
        code: script('bash', '  run: |', '    echo "$arch"'),
        settings: { target: '2025-11' },
        errors: [SC2154('6:11-6:16', 'arch')],
        output: null,
      },
      { name: 'a quoted scalar, mapped exactly', code: script('bash', '  run: "echo \\"$foo\\""'), errors: [SC2154('5:16-5:20', 'foo')], output: null },
      { name: 'a folded scalar, mapped exactly', code: script('bash', '  run: >', '    echo a;', '    echo "$foo"'), errors: [SC2154('7:11-7:15', 'foo')], output: null },
      {
        name: 'a variable that nothing assigns, among the declared builder variables',
        code: script('bash', '  run: |', `    echo ${['$pkg', '$pkg_id', '$pkg_type', '$pkg_ver', '$sbuild_outdir', '$sbuild_tmpdir', '$arch', '$remote_pkgver'].map((use) => `"${use}"`).join(' ')} "$foo"`),
        errors: [SC2154('6:110-6:114', 'foo')],
        output: null,
      },
      {
        name: 'a misspelling of a variable the script sets',
        code: script('bash', '  run: |', '    PKG_VERSIN=1', '    echo "$PKG_VERSON" "$PKG_VERSIN"'),
        errors: ['shell/SC2153 info 7:11-7:22 Possible misspelling: PKG_VERSON may not be assigned. Did you mean PKG_VERSIN?'],
        output: null,
      },
      {
        name: 'each script in the dialect of x_exec.shell',
        code: script('/bin/sh', '  run: |', '    if [[ -n "$PKG" ]]; then echo "$PKG"; fi'),
        errors: ['shell/SC3010 warning 6:8-6:23 In POSIX sh, [[ ]] is undefined.'],
        output: null,
      },
      {
        name: 'scripts for shells ShellCheck does not know, skipped with one info per script',
        code: script('zsh', '  pkgver: |', '    echo $foo', '  run: |', '    echo $foo'),
        errors: [
          "shell/shellcheck info 5:3-5:9 x_exec.pkgver is not checked by ShellCheck: x_exec.shell is 'zsh', and ShellCheck supports sh, bash, dash, ksh",
          "shell/shellcheck info 7:3-7:6 x_exec.run is not checked by ShellCheck: x_exec.shell is 'zsh', and ShellCheck supports sh, bash, dash, ksh",
        ],
        output: null,
      },
      {
        name: 'ShellCheck levels mapped to severities as configured',
        code: unquoted,
        settings: { shellcheck: { severity: { error: 'error', warning: 'error', info: 'off', style: 'off' } } },
        errors: [SC2154('6:11-6:15', 'foo').replace('warning', 'error')],
        output: null,
      },
      {
        name: 'rule settings win over the levels',
        code: unquoted,
        rules: { 'shell/SC2086': 'warn', 'shell/SC2154': 'off' },
        errors: [SC2086('6:17-6:25').replace('info', 'warning')],
        output: script('bash', '  run: |', '    echo "$foo" "$PKG_VER"'),
      },
      {
        name: "ShellCheck's one-line fixes in literal blocks, as unsafe edits of the recipe",
        code: cd,
        errors: [SC2164('6:5-6:24'), SC2086('7:10-7:18')],
        output: script('bash', '  run: |', '    cd "$SBUILD_OUTDIR" || exit', '    echo "$PKG_VER" # done'),
      },
    ],
  },
  { skipIf: !hasShellcheck },
);

describe.skipIf(!hasShellcheck)('shell/shellcheck with ShellCheck installed', () => {
  it('offers its fixes as unsafe: --fix leaves the script alone, --unsafe-fixes applies them', async () => {
    const text = script('bash', '  run: |', '    cd "$SBUILD_OUTDIR"', '    make');
    const diagnostics = await lint(text, { only: 'shell', config: withShellcheck() });
    expect(diagnostics.map((d) => [d.ruleId, d.fixSafety])).toEqual([['shell/SC2164', 'unsafe']]);
    const relint = async (changed: string) => lintText('recipe.yaml', changed, { config: { ...testConfig(), ...withShellcheck() } as Config, rules: await loadRules() });
    expect((await fixText(text, relint)).text).toBe(text);
    expect((await fixText(text, relint, undefined, { unsafeFixes: true })).text).toBe(script('bash', '  run: |', '    cd "$SBUILD_OUTDIR" || exit', '    make'));
  });

  it('links each finding to its ShellCheck wiki page', async () => {
    const [finding] = await lint(script('bash', '  run: |', '    echo "$foo"'), { only: 'shell', config: withShellcheck() });
    expect(finding?.url).toBe('https://www.shellcheck.net/wiki/SC2154');
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
