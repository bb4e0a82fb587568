import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { BUILDER_RELEASES } from '../src/sbuild/builder-release.js';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { loadRules } from '../src/core/registry.js';
import { lintPaths } from '../src/core/run.js';
import { checkContract, completeRecipe, findRule, ruleTestConfig, runRule } from './helpers.js';
import { hasShellcheck } from './shellcheck/available.js';

/**
 * Runs the examples of every rule page (the shape is described in CONTRIBUTING.md, "Rule pages") and compares the
 * output blocks with what the rule reports. `UPDATE_DOCS=1 npx vitest run test/docs-examples.test.ts` rewrites them.
 */

const docsRoot = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const update = process.env.UPDATE_DOCS === '1';
const scratch = mkdtempSync(join(tmpdir(), 'fim-lint-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Fence {
  /** Line index of the opening fence and of the closing one. */
  open: number;
  close: number;
  info: string;
  body: string;
}

interface Example {
  /** `Failing` or `Passing`: the label the example stands under. */
  kind: 'Failing' | 'Passing';
  /** One block, or several with `file=` that are linted together. */
  inputs: { fence: Fence; path: string | undefined; code: string | Uint8Array }[];
  output: Fence | undefined;
  /** The builder release the example is linted for (`target=YYYY-MM`); the default target when unset. */
  target?: string;
}

function fences(lines: string[], from: number, to: number): Fence[] {
  const found: Fence[] = [];
  for (let i = from; i < to; i++) {
    const open = /^```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.findIndex((line, j) => j > i && line === '```');
    if (close === -1) throw new Error(`unclosed fence on line ${i + 1}`);
    found.push({ open: i, close, info: open[1]!.trim(), body: lines.slice(i + 1, close).map((line) => `${line}\n`).join('') });
    i = close;
  }
  return found;
}

/** `yaml fragment file=a/b.yaml encoding=latin1` → its words and key=value attributes. */
function attributes(info: string): { words: Set<string>; values: Map<string, string> } {
  const words = new Set<string>();
  const values = new Map<string, string>();
  for (const part of info.split(/\s+/).filter(Boolean)) {
    const at = part.indexOf('=');
    if (at === -1) words.add(part);
    else values.set(part.slice(0, at), part.slice(at + 1));
  }
  return { words, values };
}

function examplesOf(page: string): { lines: string[]; examples: Example[] } {
  const lines = page.split('\n');
  const start = lines.indexOf('## Examples');
  if (start === -1) throw new Error('no ## Examples section');
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const examples: Example[] = [];
  let kind: Example['kind'] | undefined;
  let current: Example | undefined;
  const found = fences(lines, start, end === -1 ? lines.length : end);
  let previousClose = start;
  for (const fence of found) {
    for (let i = previousClose + 1; i < fence.open; i++) {
      const label = /^(Failing|Passing)\b/.exec(lines[i]!);
      if (label) kind = label[1] as Example['kind'];
    }
    const between = lines.slice(previousClose + 1, fence.open).some((line) => line.trim() !== '');
    previousClose = fence.close;
    const { words, values } = attributes(fence.info);
    if (values.has('target') && !BUILDER_RELEASES.includes(values.get('target')!)) throw new Error(`line ${fence.open + 1}: target=${values.get('target')} is not a builder release`);
    if (words.has('text')) {
      if (!current || between || current.output) throw new Error(`line ${fence.open + 1}: an output block follows its yaml block directly`);
      current.output = fence;
      continue;
    }
    if (!words.has('yaml')) throw new Error(`line ${fence.open + 1}: examples are \`yaml\` blocks, each failing one followed by a \`text\` block`);
    if (!kind) throw new Error(`line ${fence.open + 1}: an example stands under "Failing:" or "Passing:"`);
    const text = words.has('fragment') ? completeRecipe(fence.body) : fence.body;
    const broken = values.get('line-breaks') === 'cr' ? text.replaceAll('\n', '\r') : text;
    const code = values.get('encoding') === 'latin1' ? Uint8Array.from(Buffer.from(broken, 'latin1')) : broken;
    const input = { fence, path: values.get('file'), code };
    // Blocks with a file name, one after the other, are files of one run (for the checks across files).
    if (current && input.path && current.inputs.at(-1)?.path && !between && !current.output) current.inputs.push(input);
    else examples.push((current = { kind, inputs: [input], output: undefined, ...(values.has('target') ? { target: values.get('target')! } : {}) }));
  }
  return { lines, examples };
}

function render(diagnostic: Diagnostic, path?: string): string {
  return `${path ? `${path}:` : ''}${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.ruleId}`;
}

/** The rule's diagnostics on an example, as output lines. */
async function outputOf(ruleId: string, example: Example): Promise<string> {
  if (example.inputs.length === 1 && !example.inputs[0]!.path) {
    const run = await runRule(ruleId, { code: example.inputs[0]!.code, ...settingsOf(example) });
    checkContract(run);
    return run.diagnostics.map((d) => `${render(d)}\n`).join('');
  }
  const rule = await findRule(ruleId);
  const directory = mkdtempSync(join(scratch, 'run-'));
  const paths = example.inputs.map(({ path, code }) => {
    const file = join(directory, path ?? 'recipe.yaml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
    return file;
  });
  const run = await lintPaths(paths, { config: ruleTestConfig(rule, settingsOf(example)) });
  const relative = (text: string) => text.replaceAll(`${directory}/`, '');
  return run.results
    .flatMap((result) => result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${relative(render({ ...d, message: relative(d.message) }, result.path))}\n`))
    .join('');
}

function settingsOf(example: Example): { settings?: { target: string } } {
  return example.target ? { settings: { target: example.target } } : {};
}

/** The page with each failing example's output block set to `outputs` (inserted where missing). */
function rewritten(lines: string[], examples: Example[], outputs: string[]): string {
  const result = [...lines];
  // From the end, so that the line indexes of earlier blocks stay valid.
  for (let i = examples.length - 1; i >= 0; i--) {
    const example = examples[i]!;
    if (example.kind !== 'Failing') continue;
    const block = ['```text', ...outputs[i]!.replace(/\n$/, '').split('\n'), '```'];
    if (example.output) result.splice(example.output.open, example.output.close - example.output.open + 1, ...block);
    else result.splice(example.inputs.at(-1)!.fence.close + 1, 0, ...block);
  }
  return result.join('\n');
}

const rules = await loadRules();

describe('the examples of the rule pages', () => {
  for (const rule of rules) {
    it.skipIf(rule.id === 'shell/shellcheck' && !hasShellcheck)(`${rule.id}: each failing example gives its output, each passing one nothing`, async () => {
      const file = join(docsRoot, `${rule.id}.md`);
      const page = readFileSync(file, 'utf8');
      const { lines, examples } = examplesOf(page);
      expect(examples.filter((example) => example.kind === 'Failing').length, 'failing examples').toBeGreaterThan(0);
      expect(examples.filter((example) => example.kind === 'Passing').length, 'passing examples').toBeGreaterThan(0);
      const outputs = await Promise.all(examples.map((example) => outputOf(rule.id, example)));
      examples.forEach((example, i) => {
        const where = `${rule.id}.md line ${example.inputs[0]!.fence.open + 1}`;
        if (example.kind === 'Passing') {
          expect(example.output, `${where}: a passing example has no output block`).toBeUndefined();
          expect(outputs[i], `${where}: a passing example`).toBe('');
        } else expect(outputs[i], `${where}: a failing example`).not.toBe('');
      });
      const expected = rewritten(lines, examples, outputs);
      if (update && expected !== page) writeFileSync(file, expected);
      else expect(page, `${rule.id}.md: run UPDATE_DOCS=1 npx vitest run test/docs-examples.test.ts to rewrite the outputs`).toBe(expected);
    });
  }
});
