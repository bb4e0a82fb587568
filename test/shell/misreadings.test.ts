import { describe, expect, it } from 'vitest';
import { redirectOperator } from '../../src/shell/output.js';
import { loadShellParser, SCRIPT_PARSE_LIMIT_MS } from '../../src/shell/parser.js';

const parse = await loadShellParser(SCRIPT_PARSE_LIMIT_MS);

/** Whether the parse of a script has errors, and its commands, each as the text of its words in the script as written. */
function read(script: string): { hasError: boolean; commands: string[] } {
  const tree = parse(script)!;
  try {
    const commands = tree.rootNode.descendantsOfType('command').map((command) => command!.namedChildren.map((word) => script.slice(word!.startIndex, word!.endIndex)).join(' '));
    return { hasError: tree.rootNode.hasError, commands };
  } finally {
    tree.delete();
  }
}

describe('valid bash that tree-sitter-bash misreads', () => {
  it('reads each as bash does, at the offsets of the script as written', () => {
    expect(read('exec 3<>"./x"; echo done')).toEqual({ hasError: false, commands: ['exec', 'echo done'] });
    expect(read('[ "$a" \\< "$b" ] && [ \\( "$a" = x \\) -o -n "$b" ] && echo ok')).toEqual({ hasError: false, commands: ['echo ok'] });
    expect(read('echo a\n{strip,"./${PKG}"}\necho b')).toEqual({ hasError: false, commands: ['echo a', 'strip "./${PKG}"', 'echo b'] });
    expect(read('[[ $f == *.@(tar|zip) ]] && echo archive')).toEqual({ hasError: false, commands: ['echo archive'] });
    expect(read('shopt -s extglob\nrm -f !(*.AppImage)')).toEqual({ hasError: false, commands: ['shopt -s extglob', 'rm -f !(*.AppImage)'] });
  });

  it('keeps the operator of a mended <> as the script writes it, and a < that was one', () => {
    const tree = parse('exec 3<>"./x"; cat <"./y"; echo "<>" 1<>z')!;
    try {
      expect(tree.rootNode.descendantsOfType('file_redirect').map((redirect) => redirectOperator(redirect!))).toEqual(['<>', '<', '<>']);
    } finally {
      tree.delete();
    }
  });

  it('mends misreadings that one error hid in the same script, and leaves real errors', () => {
    const all = 'exec 3<>"$f"\n[ "$a" \\> "$b" ]\n{echo,hi}\n[[ $f == @(a|b) ]]\nshopt -s extglob\nls +(x)';
    expect(read(all).hasError).toBe(false);
    // Without shopt -s extglob, bash refuses an extended glob outside [[ ]].
    expect(read('rm -f !(*.AppImage)').hasError).toBe(true);
    expect(read('echo a\nrm -f @(x|y)\nshopt -s extglob').hasError).toBe(true);
  });
});
