import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Recipe } from '../../src/recipe/recipe.js';
import { runCommands } from '../../src/shell/commands.js';
import { recipe } from '../helpers.js';

/** The commands of a run script as `via > name args @line:column` (file positions). */
async function commands(...run: string[]): Promise<string[]> {
  const parsed = new Recipe('recipe.yaml', recipe('x_exec:', '  run: |', ...run.map((line) => `    ${line}`)));
  try {
    const [script] = await runCommands(parsed);
    return script!.commands.map((command) => {
      const { line, column } = parsed.position(script!.script.toFileOffset(command.start));
      const words = [command.name, ...command.args].map((word) => word.values.join('|'));
      return `${command.via.map((via) => `${via} > `).join('')}${words.join(' ')} @${line}:${column}`;
    });
  } finally {
    await parsed.dispose();
  }
}

describe('shell command extraction', () => {
  it('finds commands in the tree, not in comments, strings or heredoc bodies', async () => {
    expect(await commands('# strip x', 'echo "strip x" && cat <<EOF', 'strip x', 'EOF', 'x=$(upx -V)')).toEqual([
      'echo strip x @4:5',
      'cat @4:23',
      'upx -V @7:9',
    ]);
  });

  it('unwraps wrappers and replaces {} with what find and xargs feed in', async () => {
    expect(await commands('find out -name "*.so" -exec strip {} +', 'ls a b | xargs -I{} sudo -u root upx {}')).toEqual([
      'find out -name *.so -exec strip {} + @3:5',
      'find -exec > strip out/*.so @3:33',
      'ls a b @4:5',
      'xargs -I{} sudo -u root upx {} @4:14',
      'xargs > sudo -u root upx a|b @4:25',
      'xargs > sudo > upx a|b @4:38',
    ]);
  });

  it('parses bash -c strings and maps positions back through quotes and escapes', async () => {
    expect(await commands('bash -c "echo \\"a\\" && strip \\"$PKG\\""', 'IMG=x.flatimage; sh -c \'upx "$1"\' sh "$IMG"')).toEqual([
      'bash -c echo "a" && strip "${PKG}" @3:5',
      'bash -c > echo a @3:14',
      'bash -c > strip ${PKG} @3:28',
      'sh -c upx "$1" sh x.flatimage @4:22',
      'sh -c > upx x.flatimage @4:29',
    ]);
  });

  it('binds loop variables and follows cd', async () => {
    expect(await commands('for f in ./*.AppImage; do strip "$f"; done', 'cd /tmp', 'strip b')).toEqual([
      'strip ./*.AppImage @3:31',
      'cd /tmp @4:5',
      'strip b @5:5',
    ]);
    const parsed = new Recipe('recipe.yaml', recipe('x_exec:', '  run: |', '    cd /tmp && strip b', '    pushd "${SBUILD_OUTDIR}"; strip c; popd'));
    const [script] = await runCommands(parsed);
    expect(script!.commands.filter((command) => command.name.values[0] === 'strip').map((command) => command.cwdIsOutdir)).toEqual([false, true]);
    await parsed.dispose();
  });

  it('never throws on arbitrary scripts', async () => {
    const pieces = ['strip', 'find . -exec', 'xargs', 'sudo', 'bash -c', '"', "'", '$(', ')', '{}', ';', '\\;', '|', '>>', 'for f in', 'do', 'done', '<<EOF', 'EOF', '${', '}', '\n', ' '];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 30 }), async (parts) => {
        const parsed = new Recipe('recipe.yaml', recipe('x_exec:', '  run: |', ...parts.join(' ').split('\n').map((line) => `    ${line}`)));
        await runCommands(parsed);
        await parsed.dispose();
      }),
      { numRuns: 200 },
    );
  });
});

describe('scripts inside scripts and function calls', () => {
  it('stays bounded on calls that fan out and on nested eval strings', async () => {
    const fan = (level: number) => `f${level}() { ${Array.from({ length: 20 }, () => `f${level - 1} "$@";`).join(' ')} }`;
    const run = ['f0() { strip "$1"; }', fan(1), fan(2), fan(3), fan(4), 'f4 x', `eval "eval 'strip y'"`];
    const found = await commands(...run);
    expect(found.filter((line) => line.includes('strip'))).toEqual([
      'strip ${1} @3:12',
      "eval eval 'strip y' @9:5",
      'eval > eval strip y @9:11',
      'eval > eval > strip y @9:17',
    ]);
  });

  it('walks the substitutions of a here-document body where the outer shell expands them', async () => {
    expect(await commands('cat <<EOF', 'path=$(realpath x)', 'EOF')).toEqual(['cat @3:5', 'realpath x @4:12']);
  });
});
