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
import { checkstyle } from '../../src/reporters/checkstyle.js';
import { gcc } from '../../src/reporters/gcc.js';
import { github } from '../../src/reporters/github.js';
import { json } from '../../src/reporters/json.js';
import { junit } from '../../src/reporters/junit.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import type { Reporter } from '../../src/reporters/reporter.js';
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

/** Text that terminals, CI logs and YAML treat specially: escape sequences, C0/C1 controls and Unicode line breaks. */
const CONTROL_PIECES = ['\x1b[2J', '\x1b]52;c;aGk=\x07', '\x1b]0;title\x07', '\r', '\t', '\x7f', '\x9b31m', '\x85', '\u2028', '\b', '\x00', '\x1b'];
const WORDS = ['Utility', 'utility', 'x86_64', 'x86', 'hello', 'bad name', 'my prog', 'https://example.org/a', 'htps://x', 'flatimage', 'FlatImage', 'static', '1.10', 'false', 'echo "$foo"', '"./${PKG}" fim-root apk add x', '"./${PKG}" fim-commit', 'if then', 'strip "./${PKG}"'];
const words = fc.array(fc.oneof(fc.constantFrom(...CONTROL_PIECES), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(' '));

/** A scalar as YAML text: JSON-escaped (valid), raw in double quotes (controls make it invalid) or plain. */
const scalar = fc.tuple(words, fc.constantFrom('escaped', 'escaped', 'escaped', 'raw', 'plain')).map(([text, style]) =>
  style === 'escaped' ? JSON.stringify(text) : style === 'raw' ? `"${text.replace(/["\\]/g, '')}"` : text.replace(/^[^A-Za-z]+/, 'v'),
);
const blockScript = fc.array(words, { minLength: 1, maxLength: 3 }).map((lines) => `|\n${lines.map((line) => `  ${line}`).join('\n')}`);
const flowList = fc.array(fc.oneof(scalar, fc.nat(7).map((n) => `*a${n}`)), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);

/**
 * Recipes whose fields are values or aliases to anchors defined before them (and now and then after them, which
 * YAML rejects): scalars, lists and scripts, with control characters in values, keys and anchor names.
 */
const recipeWithAliases = fc
  .record({
    anchors: fc.array(fc.oneof(scalar, flowList, blockScript), { minLength: 1, maxLength: 6 }),
    fields: fc.array(fc.tuple(fc.constantFrom('pkg', 'pkg_id', 'pkg_type', 'category', 'provides', 'src_url', 'description', 'license', 'x_exec.shell', 'x_exec.arch', 'x_exec.run', 'x_exec.pkgver', '*a0 ', 'x_\x1b[31mkey'), fc.oneof(scalar, flowList, blockScript, fc.nat(7).map((n) => `*a${n}`))), { maxLength: 12 }),
    controlName: fc.boolean(),
  })
  .map(({ anchors, fields, controlName }) => {
    const name = (index: number) => (controlName && index === 0 ? 'a0\x1b\x07' : `a${index}`);
    // Mostly aliases to anchors defined above; *a7 may name no anchor at all.
    const refer = (value: string) => value.replace(/\*a(\d)/g, (_, n: string) => `*${name(Number(n) === 7 ? 7 : Number(n) % anchors.length)}`);
    const lines = ['#!/SBUILD', ...anchors.map((value, index) => `x_anchor${index}: &${name(index)} ${refer(value)}`)];
    const exec = fields.filter(([key]) => key.startsWith('x_exec.'));
    for (const [key, value] of fields) if (!key.startsWith('x_exec.')) lines.push(`${refer(key)}: ${refer(value)}`);
    if (exec.length > 0) lines.push('x_exec:', ...exec.map(([key, value]) => `  ${key.slice('x_exec.'.length)}: ${refer(value).replace(/\n/g, '\n  ')}`));
    return lines.join('\n') + '\n';
  });

describe('aliases and control characters never make the linter throw or point outside the file', () => {
  it('diagnostics lie inside the file, and one at an alias says which anchor it stands for', async () => {
    const config = defaultConfig();
    config.settings.shellcheck.enabled = false;
    const lintOptions = { config, rules: await loadRules() };
    await fc.assert(
      fc.asyncProperty(recipeWithAliases, async (text) => {
        const { result } = await lintText('aliases.yaml', text, lintOptions);
        expectWellFormed(result.diagnostics, text);
        expect(result.diagnostics.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
        const lines = text.split('\n');
        for (const d of result.diagnostics) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
          expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
          expect(d.endColumn).toBeLessThanOrEqual(lines[d.endLine - 1]!.length + 1);
          if (!/^\*[^\s,\]]/.test(text.slice(d.start)) || d.ruleId === 'yaml/syntax') continue;
          // Where reading the data stopped at an alias, nothing was read through it: the message names the alias itself.
          if (d.ruleId === 'yaml/alias-limit') expect(d.message).toContain(`alias ${text.slice(d.start, d.end)} `);
          else expect(d.message).toContain('(the value of alias *');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('generates what it is meant to: values and scripts reached through aliases, and control characters (the generator is not vacuous)', async () => {
    const config = defaultConfig();
    config.settings.shellcheck.enabled = false;
    const lintOptions = { config, rules: await loadRules() };
    const seen = new Set<string>();
    for (const text of fc.sample(recipeWithAliases, { numRuns: 300, seed: 14 })) {
      if (/[\x00-\x08\x1b\x7f]/.test(text)) seen.add('control characters');
      for (const d of (await lintText('aliases.yaml', text, lintOptions)).result.diagnostics) {
        if (d.message.includes('(the value of alias *')) seen.add(`value:${d.ruleId}`);
        if (/\(x_exec\.(run|pkgver) is alias \*/.test(d.message)) seen.add('script');
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['control characters', 'script', 'value:sbuild/category', 'value:sbuild/provides', 'value:sbuild/schema']));
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

/** Control characters and escape sequences, raw and as YAML escapes, with aliases, to put in keys, values and names. */
const HOSTILE_PIECES = ['\u001B[2J', '\u001B]52;c;eA==\u0007', '\u009B31m', '\u0007', '\r', '\n::error::x\n', '\u202E', '"\\e[2J"', '"\\ud800"', '"\\x9b"', '&k ', '*k '];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.constantFrom(...YAML_PIECES)), { maxLength: 40 }).map((pieces) => pieces.join(''));
const hostileName = fc.array(fc.constantFrom(...HOSTILE_PIECES.slice(0, 7), 'a', '.', ' '), { minLength: 1, maxLength: 6 }).map((pieces) => `${pieces.join('')}.yaml`);
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/;

/** Every string in parsed JSON is well-formed UTF-16: no lone surrogate, however it was escaped. */
function wellFormedStrings(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed();
  if (Array.isArray(value)) return value.every(wellFormedStrings);
  if (typeof value === 'object' && value !== null) return Object.entries(value).every(([key, item]) => key.isWellFormed() && wellFormedStrings(item));
  return true;
}

function report(reporter: Reporter, results: Parameters<Reporter>[0], codeFrame: boolean): string {
  const output = reporter(results, { color: false, cwd: '/work', skipped: 0, codeFrame });
  return typeof output === 'string' ? output : [...output].join('');
}

describe('every output format, on keys, values and file names full of control characters and aliases', () => {
  it('is inert: no raw control in any format, one line per gcc problem, JSON and SARIF that strict readers take', async () => {
    const lintOptions = { ...(await options()), keepSource: true };
    await fc.assert(
      fc.asyncProperty(hostileText, hostileName, async (text, name) => {
        const path = `/work/${name}`;
        const outcome = await lintText(path, `#!/SBUILD\n${text}`, lintOptions);
        const results = [{ ...outcome.result, source: `#!/SBUILD\n${text}` }];
        for (const reporter of [stylish, gcc, github]) expect(report(reporter, results, true)).not.toMatch(TERMINAL_CONTROLS);
        for (const reporter of [json, sarif, checkstyle, junit]) expect(report(reporter, results, false)).not.toMatch(TERMINAL_CONTROLS);
        const gccLines = report(gcc, results, false).split('\n').filter(Boolean);
        expect(gccLines).toHaveLength(results[0]!.diagnostics.length);
        for (const reporter of [json, sarif]) {
          const output = report(reporter, results, false);
          expect(wellFormedStrings(JSON.parse(output))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
