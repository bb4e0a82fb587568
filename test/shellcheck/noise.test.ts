import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import { isLastCommand } from '../../src/shellcheck/noise.js';
import { builderVariables, cleanVariables } from '../../src/shellcheck/variables.js';
import { hasShellcheck } from './available.js';
import { lint, recipe, testConfig } from '../helpers.js';

function withShellcheck(target = '2026-06', change: (settings: Config['settings']['shellcheck']) => void = () => {}): Partial<Config> {
  const config = testConfig();
  config.settings.target = target;
  config.settings.shellcheck.enabled = true;
  change(config.settings.shellcheck);
  return { settings: config.settings };
}

const recipeWith = (...xExec: string[]) => recipe('#!/SBUILD', 'pkg: "hello"', 'pkg_id: "github.com.example.hello"', 'x_exec:', '  shell: "bash"', ...xExec);
const codes = async (text: string, config = withShellcheck()) =>
  (await lint(text, { only: 'shell', config })).filter((d) => d.ruleId !== 'shell/syntax').map((d) => `${d.ruleId}@${d.line}:${d.column}`);

describe('the builder variables of each script and release', () => {
  // builder-truth §2.1 and §2.4: run gets the build context's variables, pkgver none of them.
  it('exports ARCH and ARCH_ALT from 2026-02 and REMOTE_PKGVER from 2026-01 to run, and nothing to pkgver', () => {
    expect(builderVariables('pkgver', '2026-06')).toEqual([]);
    expect(builderVariables('run', '2025-11')).not.toContain('ARCH');
    expect(builderVariables('run', '2025-11')).not.toContain('REMOTE_PKGVER');
    expect(builderVariables('run', '2026-01')).toContain('REMOTE_PKGVER');
    expect(builderVariables('run', '2026-01')).not.toContain('ARCH');
    expect(builderVariables('run', '2026-02')).toEqual(expect.arrayContaining(['ARCH', 'arch', 'ARCH_ALT', 'arch_alt', 'PKG', 'pkg']));
  });

  // builder-truth §2.5: stripped of white space, no glob characters.
  it('knows which variables cannot split', () => {
    expect([...cleanVariables('run', '2025-11', false)].sort()).toEqual(['PKG', 'PKG_TYPE', 'SBUILD_PKG', 'pkg', 'pkg_type', 'sbuild_pkg']);
    expect(cleanVariables('run', '2026-06', true)).toEqual(new Set(['PKG', 'pkg', 'SBUILD_PKG', 'sbuild_pkg', 'PKG_TYPE', 'pkg_type', 'PKG_ID', 'pkg_id', 'ARCH', 'arch', 'ARCH_ALT', 'arch_alt']));
    expect(cleanVariables('pkgver', '2026-06', true)).toEqual(new Set());
  });

  it('tells the last command of a script from one with more after it', () => {
    expect(isLastCommand('\n')).toBe(true);
    expect(isLastCommand(' &>/dev/null ; # done\n\n')).toBe(true);
    expect(isLastCommand(' 2>/dev/null\necho done\n')).toBe(false);
  });
});

describe.skipIf(!hasShellcheck)('ShellCheck findings that are noise in recipes', () => {
  // builder-truth §3.2: no `set -e`; the status of the last command is the script's.
  it('drops SC2164 on the last command only', async () => {
    const text = recipeWith('  pkgver: |', '    pushd "$(mktemp -d)" &>/dev/null || exit 1', '    echo "1.0"', '    popd &>/dev/null', '  run: |', '    cd "./src"', '    make');
    expect(await codes(text)).toEqual(['shell/SC2164@11:5']);
    expect(await codes(text, withShellcheck('2026-06', (settings) => (settings.noiseFilters = false)))).toEqual(['shell/SC2164@9:5', 'shell/SC2164@11:5']);
  });

  it('drops SC2086 on the variables the builder keeps clean, in run only', async () => {
    const text = recipeWith('  run: |', '    chmod +x ./$PKG ./${SBUILD_PKG} ./$ARCH', '    cp ./x $SBUILD_OUTDIR/ $PKGVER');
    expect(await codes(text)).toEqual(['shell/SC2086@8:12', 'shell/SC2086@8:28']);
    // The 2025-11 builder did not export ARCH: nothing assigns it, and it is uppercase, so ShellCheck only asks to quote it.
    expect(await codes(text, withShellcheck('2025-11'))).toEqual(['shell/SC2086@7:39', 'shell/SC2086@8:12', 'shell/SC2086@8:28']);
  });

  it('declares no builder variable to x_exec.pkgver', async () => {
    const text = recipeWith('  pkgver: |', '    echo "${pkg}"', '  run: |', '    echo "${pkg}"');
    expect(await codes(text)).toEqual(['shell/SC2154@7:11']);
  });

  it('drops SC2015 on `a && { …; } || break`, and the default noise codes', async () => {
    const text = recipeWith('  run: |', '    while true; do', '      7z e "./a.7z" -y && {', '        rm -f "./a.7z"', '      } || break', '    done', "    echo 'X=\"${X:=1}\"' >> ./Run.rcfg", "    echo 'Y=1' >> ./Run.rcfg", "    echo 'Z=1' >> ./Run.rcfg");
    expect(await codes(text)).toEqual([]);
    expect(await codes(text, withShellcheck('2026-06', (settings) => ((settings.exclude = []), (settings.noiseFilters = false))))).toEqual([
      'shell/SC2015@8:24',
      'shell/SC2129@12:5',
      'shell/SC2016@12:10',
    ]);
  });

  it('drops SC2227 on 2>/dev/null after find -exec', async () => {
    const text = recipeWith('  run: |', '    find "./x" -type f -exec rm -rvf "{}" 2>/dev/null \\;', '    find "./x" -type f -exec cat "{}" > ./all.txt \\;');
    expect(await codes(text)).toEqual(['shell/SC2227@8:39']);
  });

  it('drops SC2046 on a substitution that prints one word, and keeps it on any other', async () => {
    const text = recipeWith('  run: |', '    7z x ./a.7z -y$(mktemp -u) -mmt=$(nproc)', '    cp ./x ./$(uname -m)/ ./$(uname -a)/', '    rm -f $(ls ./y)');
    expect(await codes(text)).toEqual(['shell/SC2046@8:29', 'shell/SC2046@9:11']);
  });

  it('drops SC2038 where xargs reads whole lines (-I), and keeps it where it splits at blanks', async () => {
    const text = recipeWith('  run: |', '    find ./x -type f | xargs -I "{}" file -i "{}"', '    find ./x -type f | xargs -n 1 -I{} cp "{}" ./y', '    find ./x -type f | xargs rm -f');
    expect(await codes(text)).toEqual(['shell/SC2038@9:5']);
  });
});
