import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POOL_THRESHOLD } from '../../src/core/run.js';
import { GOOD_RECIPE, goodRecipe, idsByFile, jsonResults, runCli, tempTree } from './cli.js';
import { lint } from '../helpers.js';
import { MAX_RECIPE_BYTES } from '../../src/core/limits.js';

const SCRIPT_LINE = '    echo "building the package, step by step, with a long line of shell"\n';
const SCRIPT_LINES = Math.floor((MAX_RECIPE_BYTES - 1024) / SCRIPT_LINE.length);
/** 6 header lines, the script, then `broken: [` on the last line: the unclosed `[` is at its column 9. */
const LAST_LINE = 6 + SCRIPT_LINES + 1;

/** A recipe just under the size limit: a valid header, a build script of 4 MB, and a syntax error on its last line. */
function largestRecipe(): string {
  const header = '#!/SBUILD\npkg: "big"\ndescription: "A very large recipe"\nx_exec:\n  shell: "bash"\n  run: |\n';
  return header + SCRIPT_LINE.repeat(SCRIPT_LINES) + 'broken: [\n';
}

/**
 * Tens of thousands of anchors, each used once: the YAML library looks up every alias by walking the document, so
 * this 1 MB file takes about 25 s of CPU time (it grows with the square of the count).
 */
function manyAliases(count: number): string {
  const lines = ['#!/SBUILD', 'pkg: "slow"', 'anchors:'];
  for (let index = 0; index < count; index++) lines.push(`  a${index}: &a${index} "value ${index}"`);
  lines.push('aliases:');
  for (let index = 0; index < count; index++) lines.push(`  - *a${index}`);
  return lines.join('\n') + '\n';
}

/** One line of 20,000 repeated license ids after an accented one, and a pkg_type of 40,000 characters quoted in its message. */
const LONG_LINE = `license: ["é", ${Array(20_000).fill('"MIT"').join(', ')}]`;
const LONG_LINES = `#!/SBUILD\npkg: "long"\npkg_type: "${'kй'.repeat(20_000)}"\n${LONG_LINE}\n`;

/** A script line of 100,000 words `sed`, then a strip of the image: 400 KB. */
const MANY_SEDS = `#!/SBUILD\npkg: "seds-alpine"\npkg_type: "flatimage"\nx_exec:\n  shell: "bash"\n  run: |\n    ${'sed '.repeat(100_000)}\n    strip "./\${PKG}"\n`;

/**
 * A 360 KB string of `;a[{a[then-`, where a pattern looking for a command name at each statement start would scan the
 * rest of the line again from each one, then a tool name built by `+=`.
 */
const STATEMENT_STARTS = `#!/SBUILD\npkg: "gate-alpine"\npkg_type: "flatimage"\nx_exec:\n  shell: "bash"\n  run: |\n    echo '${'x;a[{a[then-'.repeat(30_000)}'\n    t=st\n    t+=rip\n    $t "./\${PKG}"\n`;

/** A FlatImage pkg of 200,000 '-': as many empty segments between the name and the base image. */
const DASHED_PKG = `#!/SBUILD\npkg: "firefox${'-'.repeat(200_000)}alpine"\npkg_type: "flatimage"\n`;

const directory = tempTree({ 'starts.yaml': STATEMENT_STARTS, 'dashes.yaml': DASHED_PKG, 'seds.yaml': MANY_SEDS, 'long.yaml': LONG_LINES,  'big.yaml': largestRecipe(), 'huge.yaml': `#!/SBUILD\npkg: "huge"\n${'k: 1\n'.repeat(MAX_RECIPE_BYTES / 4)}`, 'a.yaml': GOOD_RECIPE, 'b.yaml': goodRecipe('b'), 'slow.yaml': manyAliases(30_000) });
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  rmSync(walkedDirectory, { recursive: true, force: true });
});

/** The file lints without an `engine/` diagnostic (a time limit that fired, a crash), and the finding is among its own. */
function expectRewriteFoundInTime(file: string, finding: string): void {
  const run = runCli(['--no-shellcheck', '--format', 'json', join(directory, file)]);
  expect(run.signal).toBeNull();
  const [result] = jsonResults(run);
  const found = result!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
  expect(found.filter((id) => id.startsWith('engine/'))).toEqual([]);
  expect(found).toContain(finding);
}

const walkedDirectory = tempTree({ 'data.yaml': `items:\n${'  - x\n'.repeat(MAX_RECIPE_BYTES / 6 + 1)}`, 'a.yaml': GOOD_RECIPE });

describe('large and slow recipes', () => {
  it('lints a recipe of 4 MB to its end and reports the error on its last line', () => {
    const run = runCli(['--format', 'json', join(directory, 'big.yaml'), join(directory, 'a.yaml')]);
    expect(run.signal).toBeNull();
    const [big, good] = jsonResults(run);
    expect(big!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual([`yaml/syntax@${LAST_LINE}:9`]);
    expect(good!.messages).toEqual([]);
  });

  it('does not read a recipe over 4 MB, and lints the others; a walked file that large that is no recipe is skipped', () => {
    const run = runCli(['--format', 'json', join(directory, 'huge.yaml'), join(directory, 'a.yaml')]);
    const [huge, good] = jsonResults(run);
    expect(huge!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column} ${m.message}`)).toEqual([
      'engine/too-large@1:1 This file holds 5.0 MB, more than the 4.0 MB a recipe may hold, and was not read; no check ran',
    ]);
    expect(good!.messages).toEqual([]);
    const walked = runCli(['--format', 'json', '--no-shellcheck', walkedDirectory]);
    expect(jsonResults(walked).map((result) => `${result.filePath.replace(/^.*\//, '')} ${result.messages.length}`)).toEqual(['a.yaml 0']);
  });

  // The test for a tool that writes only with an option (`sed … -i`) took time growing with the square of the line: 40 s
  // here, so the file was stopped at the time limit with engine/timeout and no other check ran.
  it('lints a script line of 100,000 words within the default time limit, and finds the strip after it', () => {
    expectRewriteFoundInTime('seds.yaml', 'flatimage/no-binary-rewrite@8:5');
  });

  it('reads a line of 30,000 statement starts in one pass, and finds the tool name built after it', () => {
    expectRewriteFoundInTime('starts.yaml', 'flatimage/no-binary-rewrite@10:5');
  });

  // flatimage/pkg-name measured each segment's offset by joining the segments before it: minutes of synchronous work,
  // which the time limit, checked between rules, could not stop.
  it('checks a pkg of 200,000 segments', () => {
    const run = runCli(['--no-shellcheck', '--format', 'json', join(directory, 'dashes.yaml')]);
    expect(run.signal).toBeNull();
    const [dashes] = jsonResults(run);
    const names = dashes!.messages.filter((m) => m.ruleId.startsWith('engine/') || m.ruleId === 'flatimage/pkg-name');
    expect(names.map((m) => `${m.ruleId}@${m.line}:${m.column}-${m.endColumn}`)).toEqual(['flatimage/pkg-name@2:14-15']);
    expect(names[0]!.message).toMatch(/has an empty segment/);
  });

  // Each once overflowed the stack (a list's items spread into one call): engine/crash, and no rule ran at all.
  it('lints a list of 150,000 items to the script after it', async () => {
    const items = Array.from({ length: 150_000 }, (_, index) => `  - "tag${index}"`);
    const text = ['#!/SBUILD', 'pkg: "big-alpine"', 'pkg_type: "flatimage"', 'tag:', ...items, 'x_exec:', '  shell: "bash"', '  run: |', '    strip "./${PKG}"', ''].join('\n');
    const found = (await lint(text)).map((d) => `${d.ruleId}@${d.line}:${d.column}`);
    expect(found.filter((id) => id.startsWith('engine/'))).toEqual([]);
    expect(found).toContain(`flatimage/no-binary-rewrite@${items.length + 8}:5`);
  });

  it('reports every repeat of an item in a flow list of 150,000 on one line', async () => {
    const text = `#!/SBUILD\npkg: "long"\nlicense: [${Array(150_000).fill('"MIT"').join(', ')}]\n`;
    const found = await lint(text, { only: ['sbuild/duplicate-item', 'engine'] });
    expect(found).toHaveLength(149_999);
    expect(found.at(-1)).toMatchObject({ ruleId: 'sbuild/duplicate-item', line: 3, column: text.split('\n')[2]!.lastIndexOf('"MIT"') + 1 });
  });

  it('reports thousands of problems on one long line, and a message of 40,000 characters, in the human formats', () => {
    const file = join(directory, 'long.yaml');
    const stylish = runCli(['--no-shellcheck', '--code-frame', file], { env: { COLUMNS: '80' } });
    expect(stylish.signal).toBeNull();
    expect(stylish.code).toBe(1);
    const lines = stylish.stdout.split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    // Each repeated id with the first one as its related place, and the unknown license 'é'.
    expect(lines.filter((line) => line.startsWith('  4 │ '))).toHaveLength(2 * 19_999 + 1);
    const gcc = runCli(['--no-shellcheck', '-f', 'gcc', '--column-unit', 'display', file]);
    expect(gcc.signal).toBeNull();
    const duplicates = gcc.stdout.split('\n').filter((line) => line.endsWith('[sbuild/duplicate-item]'));
    expect(duplicates).toHaveLength(19_999);
    // The 20,000th 'MIT', after 'é' (one cell, two bytes): its display column is its UTF-16 column.
    expect(duplicates.at(-1)).toMatch(new RegExp(`^${file}:4:${LONG_LINE.lastIndexOf('"MIT"') + 1}: warning: `));
  });

  it('stops a file that takes longer than --timeout with one engine/timeout error, and lints the rest', () => {
    // The slow file takes far longer than the limit, however loaded the machine is.
    const run = runCli(['--format', 'json', '--no-shellcheck', '--concurrency', '1', '--timeout', '5', join(directory, 'a.yaml'), join(directory, 'slow.yaml'), join(directory, 'b.yaml')]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    const results = jsonResults(run);
    expect(results.map((result) => result.filePath)).toEqual(['a.yaml', 'slow.yaml', 'b.yaml'].map((name) => join(directory, name)));
    expect(results[1]!.messages).toEqual([
      {
        ruleId: 'engine/timeout',
        severity: 2,
        fimLintSeverity: 'error',
        message: 'Linting this file took longer than the 5 s time limit and was stopped; no other check ran',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ]);
    expect(results[0]!.messages).toEqual([]);
    expect(results[2]!.messages).toEqual([]);
  });

  it('enforces the time limit on the workers of a large run too (auto concurrency)', () => {
    const files: Record<string, string> = { 'slow.yaml': manyAliases(30_000) };
    for (let index = 0; index < POOL_THRESHOLD; index++) files[`r${String(index).padStart(4, '0')}.yaml`] = goodRecipe(`r${index}`);
    const tree = tempTree(files);
    try {
      const run = runCli(['--format', 'json', '--no-shellcheck', '--timeout', '5', tree]);
      expect(run.signal).toBeNull();
      const ids = idsByFile(run);
      expect(Object.keys(ids)).toHaveLength(POOL_THRESHOLD + 1);
      expect(ids[join(tree, 'slow.yaml')]).toEqual(['engine/timeout']);
      expect(Object.values(ids).flat()).toEqual(['engine/timeout']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
