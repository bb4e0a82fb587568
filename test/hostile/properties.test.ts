import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lintBytes, lintText } from '../../src/core/lint.js';
import { loadRules } from '../../src/core/registry.js';
import { jsonResults, runCli } from './cli.js';

/** Pieces of YAML and of recipes, glued at random: most results are broken in ways real typos are. */
const YAML_PIECES = [
  '#!/SBUILD\n', 'pkg: ', 'pkg_id: ', 'x_exec:\n  shell: "bash"\n  run: |\n    ', 'echo "$(', ')"', '- ', '? ', ': ', ':', ',',
  '&a ', '*a ', '*b ', '<<: *a\n', '[', ']', '{', '}', '"', "'", '\\', '|', '|-\n', '>', '---\n', '...\n', '%YAML 1.2\n',
  '!!str ', '!tag ', '#', ' # comment', '\n', '\r\n', '  ', '    ', '\t', 'value', '42', '0x1F', '~', 'null', 'é', '名', '😀', '\uFEFF',
];

const yamlish = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));
const yamlOfValues = fc.anything({ maxDepth: 4 }).map((value) => {
  try {
    return '#!/SBUILD\n' + stringify(value);
  } catch {
    return '#!/SBUILD\n';
  }
});

const options = async () => ({ config: defaultConfig(), rules: await loadRules() });

function expectWellFormed(diagnostics: Diagnostic[], text: string): void {
  const lines = text.split('\n').length;
  for (const d of diagnostics) {
    expect(d.ruleId).toMatch(/^[a-z]+\/[\w-]+$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.endLine * 1e9 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e9 + d.column);
  }
}

describe('random input never makes the linter throw', () => {
  it('random YAML-like text: well-formed diagnostics, no internal error', async () => {
    const lintOptions = await options();
    await fc.assert(
      fc.asyncProperty(fc.oneof(yamlish, yamlOfValues, fc.string({ unit: 'binary', maxLength: 300 })), async (text) => {
        const { result } = await lintText('random.yaml', text, lintOptions);
        expectWellFormed(result.diagnostics, text);
        expect(result.diagnostics.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('random bytes: a result for the file, never an exception', async () => {
    const lintOptions = await options();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const { result } = await lintBytes('random.yaml', bytes, lintOptions);
        expect(result.path).toBe('random.yaml');
        expect(result.diagnostics.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the JSON output of the command line', () => {
  it('is valid JSON with one entry per input file, in order, whatever the files hold', () => {
    const file = fc.oneof(yamlish, yamlOfValues, fc.uint8Array({ maxLength: 500 }));
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 6 }), fc.constantFrom('off', '2'), (contents, concurrency) => {
        const directory = mkdtempSync(join(tmpdir(), 'fim-lint-property-'));
        try {
          const paths = contents.map((content, index) => join(directory, `f${index}.yaml`));
          contents.forEach((content, index) => writeFileSync(paths[index]!, content));
          const run = runCli(['--format', 'json', '--concurrency', concurrency, ...paths], { timeoutMs: 30_000 });
          expect(run.signal).toBeNull();
          expect([0, 1]).toContain(run.code);
          const results = jsonResults(run);
          expect(results.map((result) => result.filePath)).toEqual(paths);
          for (const result of results) expect(result.messages.every((m) => m.line >= 1 && m.column >= 1 && typeof m.ruleId === 'string')).toBe(true);
        } finally {
          rmSync(directory, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  });
});
