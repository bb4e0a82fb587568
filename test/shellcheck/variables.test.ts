import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../src/shellcheck/runner.js';
import { BUILDER_VARIABLES, scriptLineCount, withBuilderVariables, withinTwoEdits } from '../../src/shellcheck/variables.js';
import { hasShellcheck } from './available.js';

/** What ShellCheck received before only the nearby builder variables were declared: all of them. */
const withEveryBuilderVariable = (script: string) => `${script}\n\nexport ${BUILDER_VARIABLES.join(' ')}\n`;

/** ShellCheck's findings on the script's own lines, for each way of declaring the builder variables. */
async function findingsBothWays(scripts: string[]): Promise<{ nearby: string[][]; every: string[][] }> {
  const describe = (results: Awaited<ReturnType<typeof checkBatch>>) =>
    results.map((comments, index) => comments.filter((c) => c.line <= scriptLineCount(scripts[index]!)).map((c) => JSON.stringify(c)));
  const [nearby, every] = await Promise.all([checkBatch('shellcheck', 'bash', scripts.map((script) => withBuilderVariables(script))), checkBatch('shellcheck', 'bash', scripts.map(withEveryBuilderVariable))]);
  return { nearby: describe(nearby), every: describe(every) };
}

describe('the builder variables declared for ShellCheck', () => {
  it('are the ones within two edits of a word of the script, in either case', () => {
    expect(withBuilderVariables('echo "$PKG_VER" "$foo"\ncd "$sbuild_outdir"')).toBe(
      'echo "$PKG_VER" "$foo"\ncd "$sbuild_outdir"\n\nexport PKG_VER pkg_ver PKGVER pkgver SBUILD_OUTDIR sbuild_outdir\n',
    );
    expect(withBuilderVariables('echo "$GH_TOKN"')).toBe('echo "$GH_TOKN"\n\nexport GH_TOKEN GL_TOKEN\n');
    expect(withBuilderVariables('echo hi')).toBe('echo hi\n\nexport\n');
  });

  it('counts edits as ShellCheck does', () => {
    expect(withinTwoEdits('pkg_ver', 'pkgver')).toBe(true);
    expect(withinTwoEdits('sbuild_outdri', 'sbuild_outdir')).toBe(true);
    expect(withinTwoEdits('kitten', 'sitting')).toBe(false);
    expect(withinTwoEdits('pkg', 'pkg_type')).toBe(false);
    expect(withinTwoEdits('', 'ab')).toBe(true);
  });
});

// A mangled builder variable name: a few edits, and any case.
const nameCharacter = fc.constantFrom(...'abcdeghiknoprstuvxyz_ABDEGHIKNOPRSTUVXY0123'.split(''));
const mangledName = fc
  .tuple(
    fc.constantFrom(...BUILDER_VARIABLES),
    fc.array(fc.tuple(fc.constantFrom('insert', 'delete', 'replace', 'case'), fc.nat(), nameCharacter), { maxLength: 4 }),
  )
  .map(([name, edits]) => {
    let result = name;
    for (const [edit, at, character] of edits) {
      const index = at % (result.length + 1);
      if (edit === 'insert') result = result.slice(0, index) + character + result.slice(index);
      else if (edit === 'delete') result = result.slice(0, index) + result.slice(index + 1);
      else if (edit === 'replace') result = result.slice(0, index) + character + result.slice(index + 1);
      else result = result.slice(0, index) + (result[index] ?? '').toUpperCase() + result.slice(index + 1).toLowerCase();
    }
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(result) ? result : `v${result.replace(/\W/g, '_')}`;
  });
const scriptLine = fc.oneof(
  mangledName.map((name) => `echo "$${name}" $${name}`),
  mangledName.map((name) => `${name}=1`),
  mangledName.map((name) => `: "\${${name}:-default}"`),
  fc.constant('cd "$SBUILD_TMPDIR" || exit 1'),
);

describe.skipIf(!hasShellcheck)('the builder variables declared for ShellCheck, with ShellCheck', () => {
  it('leave the findings as they were with every builder variable declared', async () => {
    const handPicked = [
      'echo "$PKG_VERSON" "$PKGVERS" "$SBUILD_OUTDI" "$GH_TOKN" "$Pkg" "$USER_AGNT" "$GITLAB_TOKE"',
      'echo "$sbuild_outdri" "$hf_tken" "$pkg_i" "$Sbuild_Outdir"',
      'echo "${!PKG*}" "${!SBUILD@}"',
      'exit 0',
      'echo a \\',
      'echo "$foo"',
    ];
    const generated = fc.sample(fc.array(scriptLine, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n')), { numRuns: 150, seed: 20251126 });
    const { nearby, every } = await findingsBothWays([...handPicked, ...generated]);
    expect(nearby).toEqual(every);
    // The sample is worth something only if it makes ShellCheck point at misspellings.
    expect(every.flat().filter((finding) => finding.includes('"code":2153')).length).toBeGreaterThan(10);
  });
});
