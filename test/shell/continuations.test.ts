import { describe, expect, it } from 'vitest';
import { joinedContinuations } from '../../src/shell/continuations.js';
import { parseShell } from '../../src/shell/parser.js';

async function joined(script: string) {
  const tree = (await parseShell(script))!;
  try {
    return joinedContinuations(script, tree);
  } finally {
    tree.delete();
  }
}

describe('line continuations inside words', () => {
  it('are removed as the shell removes them, and every offset of the joined text maps back to the script', async () => {
    const script = 'echo a\ns\\\ntrip "./x"\\\n.bak; p\\\nx';
    const result = (await joined(script))!;
    expect(result.text).toBe('echo a\nstrip "./x".bak; px');
    for (const [offset, character] of [...result.text].entries()) expect(script[result.original(offset)]).toBe(character);
  });

  it('are kept where the shell keeps them: after an escaped backslash, in single quotes, $\'…\', comments and quoted here-documents', async () => {
    const kept = ["a\\\\\nb", "echo 'x\\\ny'", "echo $'x\\\ny'", 'echo # x\\\ny', "cat <<'EOF'\nx\\\ny\nEOF", 'cat <<"EOF"\nx\\\ny\nEOF'];
    for (const script of kept) expect(await joined(script), script).toBeUndefined();
  });

  it('are removed from an unquoted here-document, and a continuation between words is left to the parser', async () => {
    expect((await joined('cat <<EOF\nx\\\ny\nEOF'))?.text).toBe('cat <<EOF\nxy\nEOF');
    expect(await joined('strip \\\n  "./x"')).toBeUndefined();
  });
});
