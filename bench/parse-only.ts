import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { isMap, LineCounter, parseAllDocuments, type Document } from 'yaml';

/**
 * The baselines: a bare `yaml` parse with positions of every file, on one thread. With `--scripts`, the `x_exec.run`
 * and `x_exec.pkgver` scripts are also parsed with tree-sitter's bash grammar: the least work any linter of the same
 * recipes and their scripts must do. Arguments: files, or directories walked for every file in them, or `@list` files
 * with one path a line.
 */
function* files(args: string[]): Generator<string> {
  for (const arg of args) {
    if (arg.startsWith('@')) yield* readFileSync(arg.slice(1), 'utf8').split('\n').filter(Boolean);
    else yield* walk(arg);
  }
}

function* walk(path: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    yield path;
    return;
  }
  for (const entry of entries) yield* walk(join(path, entry.name));
}

async function bashParser(): Promise<Parser> {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  return parser;
}

function scripts(document: Document.Parsed): string[] {
  const exec = document.get('x_exec');
  if (!isMap(exec)) return [];
  return ['run', 'pkgver'].map((key) => exec.get(key)).filter((script): script is string => typeof script === 'string');
}

const args = process.argv.slice(2);
const shell = args.includes('--scripts') ? await bashParser() : undefined;
let count = 0;
let errors = 0;
let scriptCount = 0;
for (const file of files(args.filter((arg) => arg !== '--scripts'))) {
  const lineCounter = new LineCounter();
  // Without uniqueKeys, whose check takes time that grows with the square of a map's keys: fim-lint finds duplicates
  // in one pass (src/recipe/duplicate-keys.ts), and a floor must not be slower than the linter on 40,000 keys.
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), { keepSourceTokens: true, lineCounter, uniqueKeys: false });
  for (const document of [documents].flat()) {
    errors += document.errors.length;
    if (!shell) continue;
    for (const script of scripts(document)) {
      shell.parse(script)?.delete();
      scriptCount++;
    }
  }
  count++;
}
process.stdout.write(`${count} files, ${errors} errors${shell ? `, ${scriptCount} scripts` : ''}\n`);
