import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

/**
 * The baseline: a bare `yaml` parse with positions of every file, on one thread. Arguments: files, or directories
 * walked for every file in them, or `@list` files with one path a line.
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

let count = 0;
let errors = 0;
for (const file of files(process.argv.slice(2))) {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), { keepSourceTokens: true, lineCounter });
  for (const document of [documents].flat()) errors += document.errors.length;
  count++;
}
process.stdout.write(`${count} files, ${errors} errors\n`);
