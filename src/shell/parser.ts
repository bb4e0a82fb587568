import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { projectRoot } from '../core/paths.js';
import { errorNodes, mendedMisreadings, noteReadWriteRedirects } from './misreadings.js';

/** A script that takes longer than this to parse is given up; real recipe scripts take a fraction of a millisecond. */
export const SCRIPT_PARSE_LIMIT_MS = 10_000;

/** Parses one script; undefined when parsing took longer than the time limit and was given up. */
export type ShellParse = (script: string) => Tree | undefined;

let language: Promise<Language> | undefined;

/** The bash grammar, loaded once on first use (recipes without scripts never pay for it). */
function bashLanguage(): Promise<Language> {
  language ??= (async () => {
    // V8 compiles WebAssembly with a baseline compiler and tiers hot functions up to TurboFan in the background; the
    // flag is read when a module is compiled. On worker threads, which only run for hundreds of files, tree-sitter's
    // runtime pays that back (parsing takes about 30% less CPU); a one-file run would wait about 50 ms for it. The bash
    // grammar's generated lexer is so large that optimising it costs more than a whole corpus gains, so the grammar
    // always keeps the baseline code. Workers race on this process-wide flag; losing the race only costs speed.
    setFlagsFromString(isMainThread ? '--liftoff-only' : '--no-liftoff-only');
    await Parser.init({ locateFile: (name: string) => webAssemblyFile(name, 'web-tree-sitter') });
    setFlagsFromString('--liftoff-only');
    return Language.load(webAssemblyFile('tree-sitter-bash.wasm', 'tree-sitter-bash'));
  })();
  return language;
}

/**
 * The package ships the two WebAssembly modules in `dist/wasm/` (the build copies them there), so that an install needs
 * neither `tree-sitter-bash`, 20 MB of C sources and native prebuilds around its 1.4 MB `.wasm`, nor an install script.
 * A checkout that has not been built reads them from the development packages.
 */
function webAssemblyFile(name: string, developmentPackage: string): string {
  const shipped = join(projectRoot, 'dist', 'wasm', name);
  return existsSync(shipped) ? shipped : createRequire(import.meta.url).resolve(`${developmentPackage}/${name}`);
}

/** A bash parser that gives up a script after `timeLimitMs`, so that no script can stall a run. */
export async function loadShellParser(timeLimitMs: number): Promise<ShellParse> {
  const bash = await bashLanguage();
  const parser = new Parser();
  parser.setLanguage(bash);
  const parse = (script: string) => {
    const deadline = performance.now() + timeLimitMs;
    const tree = parser.parse(script, null, { progressCallback: () => performance.now() > deadline });
    if (tree) return tree;
    parser.reset();
    return undefined;
  };
  return (script) => {
    let text = script;
    let tree = parse(text);
    // A mend can uncover another misreading that one error node hid: each round mends what the last parse shows.
    for (let round = 0; tree && round < MEND_ROUNDS; round++) {
      const mended = mendedMisreadings(text, tree);
      const mendedTree = mended === undefined ? undefined : parse(mended);
      if (!mendedTree || unreadLength(mendedTree) > unreadLength(tree)) {
        mendedTree?.delete();
        break;
      }
      tree.delete();
      [text, tree] = [mended!, mendedTree];
    }
    if (tree && text !== script) noteReadWriteRedirects(script, text, tree);
    return tree;
  };
}

const MEND_ROUNDS = 3;
/** How much of a script the parser could not read: a mend is kept when it leaves no more (a missing token counts 1). */
const unreadLength = (tree: Tree) => errorNodes(tree.rootNode).reduce((sum, node) => sum + Math.max(1, node.endIndex - node.startIndex), 0);

let shared: Promise<ShellParse> | undefined;

/** The shared parser itself, for parsing scripts found inside a script (`eval` strings) where they run. */
export function shellParser(): Promise<ShellParse> {
  shared ??= loadShellParser(SCRIPT_PARSE_LIMIT_MS);
  return shared;
}
let waiting: { script: string; settle: (tree: Promise<Tree | undefined>) => void }[] = [];

/**
 * Parses a shell script into a tree-sitter syntax tree; nothing in it is ever executed. Undefined when the script took
 * longer than `SCRIPT_PARSE_LIMIT_MS` to parse.
 *
 * Scripts are parsed together once the files in hand have been read: alternating between the YAML parser and the
 * WebAssembly one file by file took about a tenth more CPU than running each over a batch of files.
 */
export function parseShell(script: string): Promise<Tree | undefined> {
  shellParser();
  return new Promise((settle) => {
    if (waiting.push({ script, settle }) === 1) setImmediate(parseWaiting);
  });
}

/** The parses run one after the other, before any of the code waiting on them goes on. */
function parseWaiting(): void {
  const batch = waiting;
  waiting = [];
  for (const { script, settle } of batch) settle(shared!.then((parse) => parse(script)));
}
