import { vi } from 'vitest';
import { recipe, ruleTester, VALID_RECIPE } from '../../helpers.js';

/** A script with `too-slow-to-parse` in it is given up as a pathological script would be (vi.mock is hoisted). */
vi.mock('../../../src/shell/parser.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/shell/parser.js')>();
  return { ...original, parseShell: async (script: string) => (script.includes('too-slow-to-parse') ? undefined : original.parseShell(script)) };
});

const withScripts = (...xExec: string[]) => recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  shell: "bash"', ...xExec);
const prefix = 'shell/syntax error';
const inRun = (span: string, message: string) => `${prefix} ${span} Shell syntax error in x_exec.run: ${message}`;

const DESCRIBED: [string[], string, string][] = [
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
  // An unterminated quote takes the rest of the script into the string, `fi` included: bash blames the quote, not the `if`.
  [['    if [ -f x ]; then', '      echo "unterminated', '    fi'], '7:12-7:13', 'unterminated double-quoted string: the closing `"` is missing'],
  [['    if true; then', "      echo 'unterminated", '    fi'], '7:12-7:13', "unterminated single-quoted string: the closing `'` is missing"],
  [['    if true; then', "      echo $'unterminated", '    fi'], '7:12-7:14', "unterminated `$'…'` string: the closing `'` is missing"],
  [['    if true; then', '      echo `date', '    fi'], '7:12-7:13', 'unterminated backquote command substitution: the closing `` ` `` is missing'],
  [['    if true; then', '      x=$(echo hi', '    fi'], '7:9-7:11', '`$(` without a matching `)`'],
  [['    for f in a b; do', '      echo "$f', '    done', '    echo "x"'], '9:12-9:13', 'unterminated double-quoted string: the closing `"` is missing'],
  [['    cat <<EOF', "    it's", '    EOF', '    if true; then', '      echo "a', '    fi'], '10:12-10:13', 'unterminated double-quoted string: the closing `"` is missing'],
  // A closer that is not the one of the innermost open group: bash rejects it where it stands.
  [['    foo() { echo a;', '    echo )'], '7:10-7:11', 'unexpected `)`: the `{` before it is still open, and only `}` closes it'],
  [['    if true; then', '      echo a )', '    fi'], '7:14-7:15', 'unexpected `)`: the `if` before it is still open, and only `fi` closes it'],
];

ruleTester.run('shell/syntax', {
  valid: [
    { name: 'valid scripts', code: VALID_RECIPE },
    { name: 'a script for another shell', code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_exec:', '  shell: "zsh"', '  run: |', '    if [[ -n $PKG ]] { echo $PKG }') },
    {
      // tree-sitter-bash reports errors in each of these; bash runs them.
      name: 'valid bash that the grammar misreads: <>, escaped operators in [ ], brace expansion as a command, extended globs',
      code: withScripts(
        '  run: |',
        '    exec 3<>"${SBUILD_TMPDIR}/fifo"',
        '    [ "$a" \\< "$b" ] && [ \\( "$a" = x \\) -o -n "$b" ]',
        '    {echo,hello}',
        '    [[ $f == *.@(tar|zip) ]] && echo archive',
        '    shopt -s extglob',
        '    rm -f !(*.AppImage)',
      ),
    },
  ],
  invalid: [
    {
      name: 'the `if` that has no `fi` in a literal block',
      code: withScripts('  run: |', '    echo start', '    if [ -n "$PKG" ]; then', '      echo "$PKG"'),
      errors: [inRun('7:5-7:7', '`if` without a matching `fi`')],
      output: null,
    },
    {
      name: 'an unterminated double-quoted string in a `|-` block',
      code: withScripts('  run: |-', '    echo "unterminated', '    echo next'),
      errors: [inRun('6:10-6:11', 'unterminated double-quoted string: the closing `"` is missing')],
      output: null,
    },
    {
      name: 'an unterminated single-quoted string in a `|+` block',
      code: withScripts('  run: |+', "    echo 'unterminated", '', ''),
      errors: [inRun('6:10-6:11', "unterminated single-quoted string: the closing `'` is missing")],
      output: null,
    },
    {
      name: 'positions in a block with an indentation indicator',
      code: withScripts('  run: |2', '      x=$(echo hi', '    echo bye'),
      errors: [inRun('6:9-6:11', '`$(` without a matching `)`')],
      output: null,
    },
    {
      name: 'an extended glob without shopt -s extglob, which bash refuses outside [[ ]]',
      code: withScripts('  run: |', '    rm -f !(*.AppImage)'),
      errors: [inRun('6:12-6:12', 'missing `;`')],
      output: null,
    },
    {
      name: 'x_exec.pkgver too',
      code: withScripts('  pkgver: |', '    for f in a b; do', '      echo "$f"'),
      errors: [`${prefix} 6:19-6:21 Shell syntax error in x_exec.pkgver: \`do\` without a matching \`done\``],
      output: null,
    },
    ...DESCRIBED.map(([lines, span, message]) => ({ name: `describes ${JSON.stringify(lines)}`, code: withScripts('  run: |', ...lines), errors: [inRun(span, message)], output: null })),
    {
      name: 'a `\\` continuation at the very end of a script without a final newline',
      code: withScripts('  run: |-', '    echo "$PKG" \\'),
      errors: [inRun('6:17-6:18', 'the script ends with a `\\` that continues the command onto a line that does not exist')],
      output: null,
    },
    {
      name: 'exact positions in a double-quoted scalar',
      code: withScripts('  run: "echo \\"$PKG\\"; if true; then echo"'),
      errors: [inRun('5:24-5:26', '`if` without a matching `fi`')],
      output: null,
    },
    {
      name: 'exact positions in a single-quoted scalar',
      code: withScripts("  run: 'echo ''$PKG''; (echo'"),
      errors: [inRun('5:24-5:25', '`(` without a matching `)`')],
      output: null,
    },
    {
      name: 'exact positions in a folded scalar',
      code: withScripts('  run: >', '    echo a;', '    if true; then', '      echo b'),
      errors: [inRun('7:5-7:7', '`if` without a matching `fi`')],
      output: null,
    },
    {
      name: 'exact positions in a multi-line plain scalar',
      code: withScripts('  run: echo a;', '    if true; then', '      echo b'),
      errors: [inRun('6:5-6:7', '`if` without a matching `fi`')],
      output: null,
    },
    {
      name: 'exact positions after an escape and a line break in a double-quoted scalar',
      code: withScripts('  run: "echo \\u00e9 \\', '    ; if true; then echo"'),
      errors: [inRun('6:7-6:9', '`if` without a matching `fi`')],
      output: null,
    },
    {
      name: 'a warning at the start of the script when parsing it was given up',
      code: withScripts('  run: |', '    echo too-slow-to-parse', '    if true; then', '  pkgver: echo 1'),
      errors: ['shell/syntax warning 6:5-6:5 x_exec.run took longer than 10 s to parse and was given up: neither its syntax nor the commands in it were checked'],
      output: null,
    },
    {
      name: 'a script an alias stands for, inside the anchored text, once for each field that uses it',
      code: recipe('#!/SBUILD', 'pkg: "hello"', 'x_script: &s |', '  echo start', '  if [ -n "$PKG" ]; then', 'x_exec:', '  shell: "bash"', '  pkgver: *s', '  run: *s'),
      errors: [
        `${prefix} 5:3-5:5 Shell syntax error in x_exec.pkgver: \`if\` without a matching \`fi\` (x_exec.pkgver is alias *s on line 8, anchored on line 3)`,
        `${prefix} 5:3-5:5 Shell syntax error in x_exec.run: \`if\` without a matching \`fi\` (x_exec.run is alias *s on line 9, anchored on line 3)`,
      ],
      output: null,
    },
  ],
});
