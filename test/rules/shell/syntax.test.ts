import { describe, expect, it, vi } from 'vitest';
import { compact, lint, recipe, VALID_RECIPE } from '../../helpers.js';

/** A script with `too-slow-to-parse` in it is given up as a pathological script would be (vi.mock is hoisted). */
vi.mock('../../../src/shell/parser.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/shell/parser.js')>();
  return { ...original, parseShell: async (script: string) => (script.includes('too-slow-to-parse') ? undefined : original.parseShell(script)) };
});

const withScripts = (...xExec: string[]) => recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  shell: "bash"', ...xExec);
const syntaxErrors = async (text: string) => (await lint(text, { only: 'shell/syntax' })).map(compact);
const prefix = 'shell/syntax error';

describe('shell/syntax', () => {
  it('points at the `if` that has no `fi` in a literal block', async () => {
    expect(await syntaxErrors(withScripts('  run: |', '    echo start', '    if [ -n "$PKG" ]; then', '      echo "$PKG"'))).toEqual([
      `${prefix} 7:5-7:7 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\``,
    ]);
  });

  it('finds an unterminated double-quoted string in a `|-` block', async () => {
    expect(await syntaxErrors(withScripts('  run: |-', '    echo "unterminated', '    echo next'))).toEqual([
      `${prefix} 6:10-6:11 Shell syntax error in x_exec.run: unterminated double-quoted string: the closing \`"\` is missing`,
    ]);
  });

  it("finds an unterminated single-quoted string in a `|+` block", async () => {
    expect(await syntaxErrors(withScripts('  run: |+', "    echo 'unterminated", '', ''))).toEqual([
      `${prefix} 6:10-6:11 Shell syntax error in x_exec.run: unterminated single-quoted string: the closing \`'\` is missing`,
    ]);
  });

  it('maps positions in a block with an indentation indicator', async () => {
    expect(await syntaxErrors(withScripts('  run: |2', '      x=$(echo hi', '    echo bye'))).toEqual([
      `${prefix} 6:9-6:11 Shell syntax error in x_exec.run: \`$(\` without a matching \`)\``,
    ]);
  });

  it('checks x_exec.pkgver too', async () => {
    expect(await syntaxErrors(withScripts('  pkgver: |', '    for f in a b; do', '      echo "$f"'))).toEqual([
      `${prefix} 6:19-6:21 Shell syntax error in x_exec.pkgver: \`do\` without a matching \`done\``,
    ]);
  });

  it.each([
    [['    case "$1" in', '      a) echo a;;'], '6:5-6:9', '`case` without a matching `esac`'],
    [['    f() {', '      echo'], '6:9-6:10', '`{` without a matching `}`'],
    [['    echo ${foo'], '6:10-6:12', '`${` without a matching `}`'],
    [['    cat <<EOF', '    hello'], '6:9-6:14', 'here-document `<<EOF` has no closing `EOF` line'],
    [['    echo hi )'], '6:13-6:14', 'unexpected `)`: nothing open here for it to close or continue'],
    [['    echo a &&'], '6:12-6:14', '`&&` is not followed by a command'],
    [['    echo `date'], '6:10-6:11', 'unterminated backquote command substitution: the closing `` ` `` is missing'],
    [['    [[ -f x'], '6:5-6:7', '`[[` without a matching `]]`'],
    [['    echo $((1 + ))'], '6:10-6:13', 'malformed arithmetic expression after `$((`'],
    [['    echo "$PKG" \\'], '6:17-6:18', 'the script ends with a `\\` that continues the command onto a line that does not exist'],
  ])('describes %j', async (lines, span, message) => {
    expect(await syntaxErrors(withScripts('  run: |', ...lines))).toEqual([`${prefix} ${span} Shell syntax error in x_exec.run: ${message}`]);
  });

  it('finds a `\\` continuation at the very end of a script without a final newline', async () => {
    expect(await syntaxErrors(withScripts('  run: |-', '    echo "$PKG" \\'))).toEqual([
      `${prefix} 6:17-6:18 Shell syntax error in x_exec.run: the script ends with a \`\\\` that continues the command onto a line that does not exist`,
    ]);
  });

  it('maps positions exactly in double-quoted, single-quoted, folded and multi-line plain scalars', async () => {
    expect(await syntaxErrors(withScripts('  run: "echo \\"$PKG\\"; if true; then echo"'))).toEqual([
      `${prefix} 5:24-5:26 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\``,
    ]);
    expect(await syntaxErrors(withScripts("  run: 'echo ''$PKG''; (echo'"))).toEqual([
      `${prefix} 5:24-5:25 Shell syntax error in x_exec.run: \`(\` without a matching \`)\``,
    ]);
    expect(await syntaxErrors(withScripts('  run: >', '    echo a;', '    if true; then', '      echo b'))).toEqual([
      `${prefix} 7:5-7:7 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\``,
    ]);
    expect(await syntaxErrors(withScripts('  run: echo a;', '    if true; then', '      echo b'))).toEqual([
      `${prefix} 6:5-6:7 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\``,
    ]);
    expect(await syntaxErrors(withScripts('  run: "echo \\u00e9 \\', '    ; if true; then echo"'))).toEqual([
      `${prefix} 6:7-6:9 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\``,
    ]);
  });

  it('warns, at the start of the script, when parsing a script was given up', async () => {
    expect(await syntaxErrors(withScripts('  run: |', '    echo too-slow-to-parse', '    if true; then', '  pkgver: echo 1'))).toEqual([
      'shell/syntax warning 6:5-6:5 x_exec.run took longer than 10 s to parse and was given up: neither its syntax nor the commands in it were checked',
    ]);
  });

  it('accepts valid scripts, and leaves scripts for other shells alone', async () => {
    expect(await syntaxErrors(VALID_RECIPE)).toEqual([]);
    const zsh = recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  shell: "zsh"', '  run: |', '    if [[ -n $PKG ]] { echo $PKG }');
    expect(await syntaxErrors(zsh)).toEqual([]);
  });

  it('checks a script an alias stands for, inside the anchored text, once for each field that uses it', async () => {
    const text = recipe('#!/SBUILD', 'pkg: "hello"', 'x_script: &s |', '  echo start', '  if [ -n "$PKG" ]; then', 'x_exec:', '  shell: "bash"', '  pkgver: *s', '  run: *s');
    expect(await syntaxErrors(text)).toEqual([
      `${prefix} 5:3-5:5 Shell syntax error in x_exec.pkgver: \`if\` without a matching \`fi\` (x_exec.pkgver is alias *s on line 8, anchored on line 3)`,
      `${prefix} 5:3-5:5 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\` (x_exec.run is alias *s on line 9, anchored on line 3)`,
    ]);
  });
});
