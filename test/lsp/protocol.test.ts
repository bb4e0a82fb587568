import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../../bench/lsp-client.js';
import { recipe, VALID_RECIPE } from '../helpers.js';
import { applyEdits, cliScript, compact, serverScript, startServer, uriOf, workspace, type TextEdit } from './server.js';

/** A recipe with two fixable problems: `pkg_type` in capitals (line 5) and a category in the wrong case (line 7). */
const FIXABLE = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "Static"').replace('  - "Utility"', '  - "utility"');
const OTHER = VALID_RECIPE.replace('pkg: "hello"', 'pkg: "hello-too"');

interface CodeAction {
  title: string;
  kind: string;
  edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] };
}

const root = workspace({
  'hello/static.official.stable.yaml': FIXABLE,
  // Same pkg_id as hello: sbuild/duplicate-pkg-id across the workspace.
  'other/static.official.stable.yaml': OTHER,
  'strict/.fim-lint.yaml': 'rules:\n  sbuild/category: warn\n',
  'strict/static.official.stable.yaml': FIXABLE,
});
const hello = join(root, 'hello/static.official.stable.yaml');
mkdirSync(join(root, 'configured'));
const helloUri = uriOf(hello);
let client: LspClient;
let capabilities: Record<string, unknown>;

beforeAll(async () => {
  client = await startServer(root);
  capabilities = (client as unknown as { capabilities?: Record<string, unknown> }).capabilities ?? {};
});
afterAll(() => {
  client?.kill();
  rmSync(root, { recursive: true, force: true });
});

const ranges = (edits: TextEdit[]) => edits.map(({ range, newText }) => `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ${JSON.stringify(newText)}`);

describe('the language server over stdio', () => {
  it('publishes the diagnostics of an opened recipe with rule ids, exact ranges, severities and doc links', async () => {
    // Complete once the workspace scan has read both other recipes with this pkg_id.
    const published = client.nextDiagnostics(helloUri, (p) => p.diagnostics.some((d) => d.code === 'sbuild/duplicate-pkg-id' && d.message.includes('strict/')));
    await client.open(helloUri, FIXABLE);
    const diagnostics = await published;
    expect(compact(diagnostics)).toEqual([
      'sbuild/duplicate-pkg-id 4:9-4:35',
      'flatimage/pkg-type 5:11-5:19',
      'sbuild/category 7:5-7:14',
    ]);
    const category = diagnostics.diagnostics.find((d) => d.code === 'sbuild/category')!;
    expect(category).toMatchObject({
      severity: 1,
      message: "'utility' is not a registered category: categories are case-sensitive, write 'Utility'",
      codeDescription: { href: 'https://github.com/fim-lint/fim-lint/blob/main/docs/rules/sbuild/category.md' },
    });
    expect(diagnostics.diagnostics[0]!.message).toBe("pkg_id 'github.com.example.hello' is also used by other/static.official.stable.yaml, strict/static.official.stable.yaml: a pkg_id identifies one recipe and is never shared");
  });

  it('reports what the command line reports for the same file, with the nearest .fim-lint.yaml', async () => {
    const strict = join(root, 'strict/static.official.stable.yaml');
    const published = client.nextDiagnostics(uriOf(strict), (p) => p.diagnostics.some((d) => d.code === 'sbuild/duplicate-pkg-id'));
    await client.open(uriOf(strict), FIXABLE);
    const fromServer = (await published).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${['', 'error', 'warning', 'info'][d.severity!]} ${d.message}`);
    const run = spawnSync(process.execPath, [cliScript, '--no-shellcheck', '-f', 'json', '.'], { cwd: root, encoding: 'utf8' });
    const file = (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; severity: number; message: string }[] }[]).find((entry) =>
      entry.filePath.endsWith('strict/static.official.stable.yaml'),
    )!;
    const fromCli = file.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.message.replace(/ and \d+ more|, [^:]*(?=:)/, '')}`);
    expect(fromServer.map((line) => line.replace(/, [^:]*(?=:)/, ''))).toEqual(fromCli);
    expect(fromServer).toContain("sbuild/category 7:5 warning 'utility' is not a registered category: categories are case-sensitive, write 'Utility'");
    await client.close(uriOf(strict));
  });

  it('publishes again after a change, and the diagnostics follow the text', async () => {
    const published = client.nextDiagnostics(helloUri, (p) => p.version === 2);
    await client.change(helloUri, 2, FIXABLE.replace('"utility"', '"Utility"'));
    expect(compact(await published)).toEqual(['sbuild/duplicate-pkg-id 4:9-4:35', 'flatimage/pkg-type 5:11-5:19']);
    const back = client.nextDiagnostics(helloUri, (p) => p.version === 3);
    await client.change(helloUri, 3, FIXABLE);
    expect(compact(await back)).toContain('sbuild/category 7:5-7:14');
  });

  it('offers a quick fix per engine fix, "disable for this line" and "fix all in file"', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: helloUri },
      range: { start: { line: 6, character: 6 }, end: { line: 6, character: 6 } },
      context: { diagnostics: [] },
    });
    expect(actions.map((action) => `${action.kind}: ${action.title}`)).toEqual([
      "quickfix: Fix sbuild/category: 'utility' is not a registered category",
      'quickfix: Disable sbuild/category for this line',
      'source.fixAll.fim-lint: Fix all fim-lint problems in this file',
    ]);
    const [fix, disable, fixAll] = actions.map((action) => action.edit.documentChanges[0]!);
    expect(fix!.textDocument).toEqual({ uri: helloUri, version: 3 });
    expect(ranges(fix!.edits)).toEqual(['7:6-7:13 "Utility"']);
    expect(ranges(disable!.edits)).toEqual(['7:1-7:1 "  # fim-lint-disable-next-line sbuild/category -- <reason>\\n"']);
    expect(applyEdits(FIXABLE, fixAll!.edits)).toBe(VALID_RECIPE);

    const disabled = applyEdits(FIXABLE, disable!.edits);
    const published = client.nextDiagnostics(helloUri, (p) => p.version === 4);
    await client.change(helloUri, 4, disabled);
    expect(compact(await published)).toEqual(['sbuild/duplicate-pkg-id 4:9-4:35', 'flatimage/pkg-type 5:11-5:19']);
  });

  it('puts "disable for this line" at the end of the line where a comment line above would not be one', async () => {
    const text = recipe('#!/SBUILD ver @v1.0.0', 'description: "one', '  two"') + VALID_RECIPE.split('\n').slice(1).join('\n').replace('description: "Prints a greeting"\n', '').replace('pkg_type: "static"', 'pkg_type: "Static"');
    const published = client.nextDiagnostics(helloUri, (p) => p.version === 5);
    await client.change(helloUri, 5, text);
    await published;
    const line = text.split('\n').findIndex((l) => l.startsWith('pkg_type'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: helloUri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    expect(actions.map((action) => action.title)).toEqual(["Fix flatimage/pkg-type: pkg_type 'Static' must be lowercase", 'Disable flatimage/pkg-type for this line']);
    expect(ranges(actions[1]!.edit.documentChanges[0]!.edits)).toEqual([`${line + 1}:1-${line + 1}:1 "# fim-lint-disable-next-line flatimage/pkg-type -- <reason>\\n"`]);
    const restored = client.nextDiagnostics(helloUri, (p) => p.version === 6);
    await client.change(helloUri, 6, FIXABLE);
    await restored;
  });

  it('offers an unsafe fix as a suggestion: a quick fix not marked preferred, left out of "fix all"', async () => {
    const text = FIXABLE.replace('pkg_type: "Static"', 'pkg_tpye: "static"');
    const published = client.nextDiagnostics(helloUri, (p) => p.version === 7);
    await client.change(helloUri, 7, text);
    await published;
    const actions = await client.request<(CodeAction & { isPreferred?: boolean })[]>('textDocument/codeAction', {
      textDocument: { uri: helloUri },
      range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } },
      context: { diagnostics: [] },
    });
    const fixes = actions.filter((action) => action.kind === 'quickfix' && !action.title.startsWith('Disable'));
    expect(fixes.map((action) => [action.title, action.isPreferred])).toEqual([
      ["Unsafe fix (may change what is built) sbuild/unknown-key: Unknown key 'pkg_tpye', which the builder ignores", undefined],
      ["Fix sbuild/category: 'utility' is not a registered category", true],
    ]);
    const fixAll = actions.find((action) => action.kind === 'source.fixAll.fim-lint')!;
    expect(applyEdits(text, fixAll.edit.documentChanges[0]!.edits)).toBe(VALID_RECIPE.replace('pkg_type: "static"', 'pkg_tpye: "static"'));
    const restored = client.nextDiagnostics(helloUri, (p) => p.version === 8);
    await client.change(helloUri, 8, FIXABLE);
    await restored;
  });

  it('sends the related places as relatedInformation: in the document, and in the other recipe with the same pkg_id', async () => {
    const text = FIXABLE.replace('  - "utility"', '  - "utility"\n  - "utility"');
    const published = client.nextDiagnostics(helloUri, (p) => p.version === 9);
    await client.change(helloUri, 9, text);
    const { diagnostics } = (await published) as unknown as { diagnostics: { code: string; relatedInformation?: { location: { uri: string; range: unknown }; message: string }[] }[] };
    expect(diagnostics.find((d) => d.code === 'sbuild/duplicate-item')?.relatedInformation).toEqual([
      { location: { uri: helloUri, range: { start: { line: 6, character: 4 }, end: { line: 6, character: 13 } } }, message: "'utility' is first listed here" },
    ]);
    const pkgId = diagnostics.find((d) => d.code === 'sbuild/duplicate-pkg-id')?.relatedInformation;
    expect(pkgId?.map((related) => related.location.uri)).toContain(uriOf(join(root, 'other/static.official.stable.yaml')));
    const restored = client.nextDiagnostics(helloUri, (p) => p.version === 10);
    await client.change(helloUri, 10, FIXABLE);
    await restored;
  });

  it('shows the rule doc on hover over a diagnostic, and nothing elsewhere', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri: helloUri }, position: { line: 6, character: 8 } });
    expect(hover!.contents.kind).toBe('markdown');
    expect(hover!.contents.value).toMatch(/^\*\*sbuild\/category\*\* \(error\): 'utility' is not a registered category/);
    expect(hover!.contents.value).toContain(readFileSync(join(__dirname, '../../docs/rules/sbuild/category.md'), 'utf8').split('\n## What it checks\n')[1]!.split('\n')[0]);
    expect(hover!.contents.value).toContain('(https://github.com/fim-lint/fim-lint/blob/main/data/freedesktop-categories.json)');
    expect(await client.request('textDocument/hover', { textDocument: { uri: helloUri }, position: { line: 1, character: 2 } })).toBeNull();
  });

  it('shows the controls and bidirectional marks of recipe text as escapes in messages, related places, hovers and action titles', async () => {
    const text = FIXABLE.replace('pkg: "hello"', 'pkg: "hel\\x1b]0;PWNED\\x07lo\\r::error::injected"\n"\\u202egnp.exe": 2').replace('  - "utility"', '  - "\\u202eUtility"\n  - "\\u202eUtility"');
    const published = client.nextDiagnostics(helloUri, (p) => p.version === 11);
    await client.change(helloUri, 11, text);
    try {
      const { diagnostics } = (await published) as unknown as { diagnostics: { code: string; message: string; relatedInformation?: { message: string }[] }[] };
      const shown = diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((related) => related.message)]);
      expect(shown.filter((message) => /[\u0000-\u001F\u202E]/.test(message))).toEqual([]);
      expect(diagnostics.find((d) => d.code === 'sbuild/name-chars')?.message).toBe(
        "pkg 'hel\\e]0;PWNED\\x07lo\\r::error::injected' contains '\\e', ']', ';', '\\x07', '\\r', ':': only letters and digits (of any script) and + - _ . are allowed",
      );
      expect(diagnostics.find((d) => d.code === 'sbuild/unknown-key')?.message).toBe("Unknown key '\\u202Egnp.exe', which the builder ignores: SBUILD does not define it");
      expect(diagnostics.find((d) => d.code === 'sbuild/duplicate-item')?.relatedInformation?.map((related) => related.message)).toEqual(["'\\u202EUtility' is first listed here"]);

      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: helloUri }, position: { line: 2, character: 8 } });
      expect(hover.contents.value.split('\n')[0]).toBe(
        String.raw`**sbuild/name-chars** (error): pkg 'hel\\e\]0;PWNED\\x07lo\\r::error::injected' contains '\\e', '\]', ';', '\\x07', '\\r', ':': only letters and digits (of any script) and + - \_ . are allowed`,
      );
      expect(hover.contents.value).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202E]/);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: helloUri },
        range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
        context: { diagnostics: [], only: ['quickfix'] },
      });
      expect(actions.map((action) => action.title)).toEqual([
        "Fix sbuild/duplicate-item: '\\u202EUtility' is listed more than once in category",
        'Disable sbuild/category for this line',
        'Disable sbuild/duplicate-item for this line',
      ]);
    } finally {
      const restored = client.nextDiagnostics(helloUri, (p) => p.version === 12);
      await client.change(helloUri, 12, FIXABLE);
      await restored;
    }
  });

  it('completes pkg_type, base images, categories, hosts and fim-perms permissions', async () => {
    const labels = async (lines: string[], line: number, character: number) => {
      const uri = uriOf(join(root, 'completion.yaml'));
      await client.open(uri, recipe(...lines));
      const items = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      await client.close(uri);
      return items.map((item) => item.label);
    };
    expect(await labels(['#!/SBUILD', 'pkg_type: "fl'], 1, 13)).toEqual(['flatimage']);
    expect(await labels(['#!/SBUILD', 'pkg: "firefox-a'], 1, 15)).toEqual(['alpine', 'arch', 'archlinux', 'artix']);
    expect(await labels(['#!/SBUILD', 'pkg: "chromium-void-g'], 1, 21)).toEqual(['void-glibc']);
    expect(await labels(['#!/SBUILD', 'category:', '  - "Utility"', '  - "Graph'], 3, 11)).toEqual(['Graphics']);
    expect(await labels(['#!/SBUILD', 'x_exec:', '  host:', '    - "x86_64-l'], 3, 16)).toEqual(['x86_64-linux']);
    expect(await labels(['#!/SBUILD', 'x_exec:', '  run: |', '    ./app fim-perms add home,au'], 3, 31)).toEqual(['audio']);
  });

  it('keeps running on a binary text, broken YAML and a huge text', async () => {
    const uri = uriOf(join(root, 'odd.yaml'));
    const binary = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, '#!/SBUILD\npkg: "a\0b"\n');
    expect(compact(await binary)).toEqual(['yaml/encoding 1:1-1:1']);
    const broken = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, '#!/SBUILD\npkg: [unclosed\n  - :\n');
    expect(compact(await broken).every((line) => line.startsWith('yaml/syntax'))).toBe(true);
    const huge = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.change(uri, 3, `#!/SBUILD\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`);
    await huge;
    expect(client.messages.map((m) => m.message)).toContain('odd.yaml is too large to lint while typing (5 MB of text): run fim-lint on it');
    await client.close(uri);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: helloUri }, position: { line: 6, character: 8 } });
    expect(hover).not.toBeNull();
  });

  it('says what is wrong with a broken .fim-lint.yaml and lints again once it is fixed', async () => {
    const uri = uriOf(join(root, 'configured/static.official.stable.yaml'));
    writeFileSync(join(root, 'configured/.fim-lint.yaml'), 'rules:\n  sbuild/no-such-rule: warn\n');
    const none = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, FIXABLE);
    expect((await none).diagnostics).toEqual([]);
    expect(client.messages.at(-1)).toEqual({ type: 1, message: `fim-lint: ${join(root, 'configured/.fim-lint.yaml')}:2:3: unknown rule 'sbuild/no-such-rule' (fim-lint --list-rules lists the rules)` });
    writeFileSync(join(root, 'configured/.fim-lint.yaml'), 'rules:\n  flatimage/pkg-type: off\n');
    const linted = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, FIXABLE);
    expect(compact(await linted)).toEqual(['sbuild/duplicate-pkg-id 4:9-4:35', 'sbuild/category 7:5-7:14']);
    await client.close(uri);
  });

  it('shows the controls and bidirectional marks of a broken .fim-lint.yaml as escapes', async () => {
    mkdirSync(join(root, 'hostile'));
    writeFileSync(join(root, 'hostile/.fim-lint.yaml'), 'rules:\n  "sbuild/\\e]0;PWNED\\a\\u202e": warn\n');
    const uri = uriOf(join(root, 'hostile/static.official.stable.yaml'));
    const none = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, FIXABLE);
    expect((await none).diagnostics).toEqual([]);
    expect(client.messages.at(-1)).toEqual({
      type: 1,
      message: `fim-lint: ${join(root, 'hostile/.fim-lint.yaml')}:2:3: unknown rule 'sbuild/\\e]0;PWNED\\x07\\u202E' (fim-lint --list-rules lists the rules)`,
    });
    await client.close(uri);
  });

  it('clears the diagnostics of a closed file', async () => {
    const cleared = client.nextDiagnostics(helloUri, (p) => p.diagnostics.length === 0);
    await client.close(helloUri);
    expect((await cleared).diagnostics).toEqual([]);
  });

  it('shuts down and exits with code 0', async () => {
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr.join('')).toBe('');
  });
});

describe('the language server, started afresh for each case', () => {
  it('lints once after a burst of changes (debounced), the last version only', async () => {
    const other = await startServer(root, { shellcheck: false, debounceMs: 300 });
    try {
      const uri = uriOf(join(root, 'hello/static.official.stable.yaml'));
      const opened = other.nextDiagnostics(uri, (p) => p.version === 1);
      await other.open(uri, FIXABLE);
      await opened;
      const last = other.nextDiagnostics(uri, (p) => p.version === 4);
      await other.change(uri, 2, FIXABLE.replace('"utility"', '"Utility"'));
      await other.change(uri, 3, FIXABLE);
      await other.change(uri, 4, FIXABLE.replace('"utility"', '"Utility"'));
      expect(compact(await last)).not.toContain('sbuild/category 7:5-7:14');
      expect(other.published.filter((p) => p.uri === uri && (p.version === 2 || p.version === 3))).toEqual([]);
      expect(await other.shutdown()).toBe(0);
    } finally {
      other.kill();
    }
  });

  it('publishes no diagnostics for a YAML file that is not a recipe, nor for a recipe the configuration ignores', async () => {
    mkdirSync(join(root, 'ignoring'));
    writeFileSync(join(root, 'ignoring/.fim-lint.yaml'), 'ignore:\n  - "*.stable.yaml"\n');
    const other = await startServer(root);
    try {
      const workflow = uriOf(join(root, 'ci.yaml'));
      const notRecipe = other.nextDiagnostics(workflow);
      await other.open(workflow, 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
      expect((await notRecipe).diagnostics).toEqual([]);
      const ignoredUri = uriOf(join(root, 'ignoring/static.official.stable.yaml'));
      const ignored = other.nextDiagnostics(ignoredUri);
      await other.open(ignoredUri, FIXABLE);
      expect((await ignored).diagnostics).toEqual([]);
      // Not skipped for a broken configuration, which would say so.
      expect(other.messages).toEqual([]);
      expect(await other.shutdown()).toBe(0);
    } finally {
      other.kill();
    }
  });

  it('turns an internal error into a log message and a notification, and keeps running', async () => {
    const other = await startServer(root);
    try {
      const uri = uriOf(join(root, 'hello/static.official.stable.yaml'));
      const opened = other.nextDiagnostics(uri);
      await other.open(uri, FIXABLE);
      await opened;
      // A code action request without its required `context`: the handler fails on it.
      const actions = await other.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 6, character: 6 }, end: { line: 6, character: 6 } } });
      expect(actions).toEqual([]);
      expect(other.messages.at(-1)).toMatchObject({ type: 1, message: expect.stringMatching(/^fim-lint: internal error while computing code actions: .*The server keeps running; see its log\.$/) });
      expect(other.logs.some((log) => log.type === 1 && log.message.includes('internal error while computing code actions: TypeError'))).toBe(true);
      const hover = await other.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 8 } });
      expect(hover).not.toBeNull();
      expect(await other.shutdown()).toBe(0);
    } finally {
      other.kill();
    }
  });
});

describe('fim-lint --lsp', () => {
  it('is the same server', async () => {
    const other = await LspClient.start(process.execPath, [cliScript, '--lsp'], {});
    const uri = uriOf(join(root, 'hello/static.official.stable.yaml'));
    const published = other.nextDiagnostics(uri);
    await other.open(uri, FIXABLE);
    expect(compact(await published)).toContain('sbuild/category 7:5-7:14');
    expect(await other.shutdown()).toBe(0);
  });

  it('prints its version like the command line', () => {
    const run = spawnSync(process.execPath, [serverScript, '--version'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
  });
});
