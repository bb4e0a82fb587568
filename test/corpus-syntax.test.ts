import { readFileSync } from 'node:fs';
import { isScalar, parseAllDocuments, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/fix/apply.js';
import { corpusFiles, corpusRoot, hasCorpus, lint } from './helpers.js';

if (!hasCorpus) console.warn(`corpus syntax tests skipped: ${corpusRoot} does not exist`);

/** A broken copy of a real recipe: the mistake, the line (1-based) where it must be named, and what names it. */
interface BrokenCopy {
  text: string;
  line: number;
  message: RegExp;
}

type Mutation = (text: string, index: number, all: readonly string[]) => BrokenCopy | undefined;

const lines = (text: string) => text.split('\n');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const indent = (line: string) => line.length - line.trimStart().length;

/** The `x_exec.run: |` script: its header line and its lines (0-based, inclusive), when it has two lines or more. */
function runBlock(text: string) {
  const node = parseDocument(text).getIn(['x_exec', 'run'], true);
  if (!isScalar(node) || node.type !== 'BLOCK_LITERAL' || !node.range) return undefined;
  const header = lineOf(text, node.range[0]) - 1;
  const last = lineOf(text, Math.max(node.range[0], node.range[1] - 1)) - 1;
  const all = lines(text);
  const content = [...Array(last - header).keys()].map((i) => header + 1 + i).filter((i) => all[i]!.trim() !== '');
  return content.length >= 2 ? { header, content, width: indent(all[content[0]!]!) } : undefined;
}

/** Every line of the script after its first one moved to column 1, as in 385 files of an older recipe tree. */
const scriptAtColumnOne: Mutation = (text) => {
  const block = runBlock(text);
  if (!block) return undefined;
  const all = lines(text);
  for (const i of block.content.slice(1)) all[i] = all[i]!.slice(Math.min(block.width, indent(all[i]!)));
  const first = block.content.slice(1).find((i) => indent(all[i]!) < block.width)!;
  return { text: all.join('\n'), line: first + 1, message: new RegExp(`^Line ${first + 1} starts at column \\d+, left of the script of \`run: \\|\` on line ${block.header + 1}, so the script ends at line \\d+: indent lines? ${first + 1}`) };
};

const KEY_OF_X_EXEC = /^ {2}[a-z_]+:/;

const tabIndent: Mutation = (text) => {
  const all = lines(text);
  const at = all.findIndex((line) => KEY_OF_X_EXEC.test(line));
  if (at === -1) return undefined;
  all[at] = `\t${all[at]!.slice(2)}`;
  return { text: all.join('\n'), line: at + 1, message: /^Line \d+ is indented with a tab/ };
};

/** `description: "…"` as a simple double-quoted value (no escapes, `#` or `: `), for the mutations that rewrite it. */
function description(text: string) {
  const all = lines(text);
  const at = all.findIndex((line) => /^description: "[^"\\#:]*"$/.test(line));
  return at === -1 ? undefined : { all, at, value: all[at]!.slice('description: "'.length, -1) };
}

const unquotedColon: Mutation = (text) => {
  const found = description(text);
  if (!found || found.value === '') return undefined;
  found.all[found.at] = `description: Note: ${found.value}`;
  return { text: found.all.join('\n'), line: found.at + 1, message: /^Line \d+: `: ` at column 18 inside the value of `description`/ };
};

const unquotedHash: Mutation = (text) => {
  const found = description(text);
  if (!found || found.value === '') return undefined;
  found.all.splice(found.at, 1, `description: The #1 pick, ${found.value}`, '  for everyone');
  return { text: found.all.join('\n'), line: found.at + 1, message: /^Line \d+: the `#` at column 18 follows a space, so it starts a YAML comment/ };
};

const unclosedQuote: Mutation = (text) => {
  const found = description(text);
  if (!found) return undefined;
  found.all[found.at] = found.all[found.at]!.slice(0, -1);
  return { text: found.all.join('\n'), line: found.at + 1, message: /^Line \d+: the `"` at column 14 opens the value of `description` and is not closed/ };
};

/** A block list of quoted items (`src_url:` and `  - "…"` lines) written as a flow list without its `]`. */
const unclosedBracket: Mutation = (text) => {
  const all = lines(text);
  const at = all.findIndex((line, i) => /^[a-z_]+:$/.test(line) && /^ {2}- "[^"\\]*"$/.test(all[i + 1] ?? ''));
  if (at === -1) return undefined;
  let end = at + 1;
  while (/^ {2}- "[^"\\]*"$/.test(all[end] ?? '')) end++;
  const items = all.slice(at + 1, end).map((line) => line.slice(4));
  all.splice(at, end - at, `${all[at]} [${items.join(', ')}`);
  return { text: all.join('\n'), line: at + 1, message: /^Line \d+: the `\[` at column \d+ opens the value of `[a-z_]+` and is never closed/ };
};

/** The next recipe of the sample pasted after this one. */
const pastedRecipe: Mutation = (text, index, all) => {
  const other = all[(index + 1) % all.length]!;
  const joined = text.endsWith('\n') ? text : `${text}\n`;
  return { text: joined + other, line: lines(joined).length, message: /^Line \d+ starts a second recipe \(`\w+` on line \d+ repeats the one on line \d+\)/ };
};

describe.skipIf(!hasCorpus)('yaml/syntax on broken copies of the corpus', () => {
  const live = hasCorpus
    ? corpusFiles()
        .filter((path) => path.endsWith('.yaml'))
        .map((path) => readFileSync(path, 'utf8'))
        .filter((text) => parseAllDocuments(text).every((document) => document.errors.length === 0))
    : [];
  const sample = live.filter((_, index) => index % 5 === 0);

  async function measure(mutation: Mutation, texts: readonly string[]) {
    const counts = { copies: 0, diagnosed: 0, fixOffered: 0, fixParses: 0, fixRestores: 0 };
    const missed: string[] = [];
    for (const [index, original] of texts.entries()) {
      const copy = mutation(original, index, texts);
      if (!copy) continue;
      counts.copies++;
      const diagnostics = await lint(copy.text, { only: ['yaml/syntax', 'yaml/duplicate-key'] });
      const [only] = diagnostics;
      if (diagnostics.length === 1 && only!.ruleId === 'yaml/syntax' && only!.line === copy.line && copy.message.test(only!.message)) counts.diagnosed++;
      else if (missed.length < 3) missed.push(`${copy.line}: ${diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`).join(' | ')}`);
      if (!only?.fix) continue;
      counts.fixOffered++;
      const fixed = applyFixes(copy.text, [only.fix]).text;
      if (parseAllDocuments(fixed).every((document) => document.errors.length === 0)) counts.fixParses++;
      if (fixed === original) counts.fixRestores++;
    }
    return { counts, missed };
  }

  it('names each kind of mistake once, at its line, in the words of its kind', async () => {
    const kinds: [string, Mutation, readonly string[]][] = [
      ['script at column 1 under `run: |`', scriptAtColumnOne, live],
      ['tab used for indentation', tabIndent, sample],
      ['unquoted `: ` in a value', unquotedColon, sample],
      ['unquoted ` #` in a value', unquotedHash, sample],
      ['unclosed quote', unclosedQuote, sample],
      ['unclosed `[`', unclosedBracket, sample],
      ['second recipe pasted', pastedRecipe, sample],
    ];
    const table: Record<string, string> = {};
    for (const [name, mutation, texts] of kinds) {
      const { counts, missed } = await measure(mutation, texts);
      table[name] = `${counts.diagnosed}/${counts.copies} diagnosed` + (counts.fixOffered ? `; fix offered ${counts.fixOffered}, parses ${counts.fixParses}, byte-identical to the original ${counts.fixRestores}` : '');
      expect(counts.copies, name).toBeGreaterThan(200);
      expect(counts.diagnosed / counts.copies, `${name}: ${missed.join('\n')}`).toBeGreaterThanOrEqual(0.99);
      if (mutation === scriptAtColumnOne) {
        expect(counts.fixOffered / counts.copies, name).toBeGreaterThanOrEqual(0.99);
        expect(counts.fixParses, name).toBe(counts.fixOffered);
        expect(counts.fixRestores / counts.copies, name).toBeGreaterThanOrEqual(0.95);
      }
    }
    console.info(`yaml/syntax on broken copies of the corpus:\n${Object.entries(table).map(([name, row]) => `  ${name}: ${row}`).join('\n')}`);
  });

  it("the corpus's own broken recipes get one diagnostic each, and every fix offered makes its recipe parse", async () => {
    const broken = corpusFiles()
      .map((path) => readFileSync(path, 'utf8'))
      .filter((text) => parseAllDocuments(text, { uniqueKeys: false }).some((document) => document.errors.length > 0));
    const kinds: Record<string, number> = {};
    let fixed = 0;
    for (const text of broken) {
      const diagnostics = await lint(text, { only: ['yaml/syntax', 'yaml/duplicate-key'] });
      expect(diagnostics.length).toBe(1);
      const [only] = diagnostics;
      expect(only!.ruleId).toBe('yaml/syntax');
      const kind = only!.message.startsWith('YAML syntax error') ? 'in the parser words' : /left of the script/.test(only!.message) ? 'script left of its block' : 'other explained';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (!only!.fix) continue;
      expect(parseAllDocuments(applyFixes(text, [only!.fix]).text).every((document) => document.errors.length === 0)).toBe(true);
      fixed++;
    }
    console.info(`the corpus's broken recipes: ${broken.length} files, ${JSON.stringify(kinds)}, fix offered and parsing: ${fixed}`);
    expect(broken.length).toBeGreaterThan(90);
  });
});
