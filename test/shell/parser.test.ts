import { describe, expect, it } from 'vitest';
import { loadShellParser, parseShell } from '../../src/shell/parser.js';

describe('the shell parser', () => {
  it('gives up a script that takes longer than the time limit, and then parses the next one normally', async () => {
    const parse = await loadShellParser(1);
    expect(parse('echo "$(foo ${bar} | baz)" && strip x; '.repeat(200_000))).toBeUndefined();
    const next = parse('echo hi')!;
    expect(next.rootNode.toString()).toBe('(program (command name: (command_name (word)) argument: (word)))');
    next.delete();
  });

  it('parses real scripts well within the default limit, in UTF-16 offsets as the script text counts them', async () => {
    const script = 'echo "😀" && strip x';
    const tree = (await parseShell(script))!;
    const strip = tree.rootNode.descendantsOfType('command')[1]!;
    expect(script.slice(strip.startIndex, strip.endIndex)).toBe('strip x');
    tree.delete();
  });

  it('parses scripts asked for together in one batch, each into its own tree', async () => {
    const scripts = Array.from({ length: 50 }, (_, index) => (index % 7 === 0 ? `if true; then echo ${index}` : `echo ${index} | tr 0-9 a-j`));
    const trees = await Promise.all(scripts.map(parseShell));
    expect(trees.map((tree) => tree!.rootNode.text)).toEqual(scripts);
    expect(trees.map((tree) => tree!.rootNode.hasError)).toEqual(scripts.map((script) => script.startsWith('if')));
    for (const tree of trees) tree!.delete();
  });
});
