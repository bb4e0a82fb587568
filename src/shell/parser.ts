import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Tree } from 'web-tree-sitter';

let parserPromise: Promise<Parser> | undefined;

/** The bash parser, loaded once on first use (recipes without scripts never pay for it). */
function bashParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    // V8 tiers hot WebAssembly functions up to TurboFan in the background, and the process then waits up to half a
    // second at exit for those jobs. The baseline compiler parses recipe scripts as fast, so tier-up is turned off.
    setFlagsFromString('--liftoff-only');
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** Parses a shell script into a tree-sitter syntax tree; nothing in it is ever executed. */
export async function parseShell(script: string): Promise<Tree> {
  const parser = await bashParser();
  const tree = parser.parse(script);
  if (!tree) throw new Error('the shell parser returned no tree');
  return tree;
}
