import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { checkstyle } from '../../src/reporters/checkstyle.js';
import { gcc } from '../../src/reporters/gcc.js';
import { escapeData, escapeProperty, github } from '../../src/reporters/github.js';
import { json } from '../../src/reporters/json.js';
import { junit } from '../../src/reporters/junit.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import { reportText, sharedRun } from './fixture.js';

const { cwd, results, context } = await sharedRun();
const DUPLICATE =
  "Duplicate key 'pkg': the 2025-11 builder's linter rejects a repeated top-level key (builders from 2f1f48e, 2026-02-17 on keep the later value); remove or rename the repeated key";
const SECOND_DOCUMENT = 'YAML document 2 is ignored: only the first document of a file is the recipe; remove it or move it to its own file';
const SHEBANG = "Missing '#!/SBUILD' first line: SBUILD recipes start with '#!/SBUILD ver @v1.0.0'";
const ODD = 'b,dir:50%&<"q">/no-shebang.yaml';

describe('output formats, on one set of diagnostics', () => {
  it('stylish: the path once per file, then line:col, severity, message and rule id rows wrapped to 80 columns, the summary', () => {
    expect(stylish(results, context).split('\n')).toEqual([
      'a/broken.yaml',
      "  11:1  error    Duplicate key 'pkg': the 2025-11 builder's linter rejects a",
      '                 repeated top-level key (builders from 2f1f48e, 2026-02-17 on',
      '                 keep the later value); remove or rename the repeated key',
      '                 yaml/duplicate-key',
      "                 ↳ 5:1: the first 'pkg'",
      '  18:1  warning  YAML document 2 is ignored: only the first document of a file',
      '                 is the recipe; remove it or move it to its own file',
      '                 yaml/multiple-documents',
      '',
      ODD,
      "  1:1  warning  Missing '#!/SBUILD' first line: SBUILD recipes start with",
      "                '#!/SBUILD ver @v1.0.0' (fixable)  sbuild/shebang",
      '',
      '✖ 1 error, 2 warnings, 1 fixable with --fix · 3 files checked',
      '',
    ]);
  });

  it('stylish: one row per problem on a wide terminal, messages on their own lines on a narrow one', () => {
    expect(stylish(results, { ...context, width: 300 }).split('\n').slice(1, 4)).toEqual([
      `  11:1  error    ${DUPLICATE}  yaml/duplicate-key`,
      "                 ↳ 5:1: the first 'pkg'",
      `  18:1  warning  ${SECOND_DOCUMENT}  yaml/multiple-documents`,
    ]);
    expect(stylish(results, { ...context, width: 30 }).split('\n').slice(0, 12)).toEqual([
      'a/broken.yaml',
      '  11:1  error',
      "    Duplicate key 'pkg': the",
      "    2025-11 builder's linter",
      '    rejects a repeated',
      '    top-level key (builders',
      '    from 2f1f48e, 2026-02-17',
      '    on keep the later value);',
      '    remove or rename the',
      '    repeated key',
      '    yaml/duplicate-key',
      "    ↳ 5:1: the first 'pkg'",
    ]);
    expect(stylish(results, { ...context, width: 30 }).split('\n').slice(-4)).toEqual(['✖ 1 error, 2 warnings,', '  1 fixable with --fix ·', '  3 files checked', '']);
  });

  it('stylish: rule ids are OSC 8 hyperlinks to their documentation when the terminal shows them', () => {
    const text = stylish(results, { ...context, width: 300, hyperlinks: true });
    expect(text).toContain(`${DUPLICATE}  \u001B]8;;https://github.com/fim-lint/fim-lint/blob/main/docs/rules/yaml/duplicate-key.md\u001B\\yaml/duplicate-key\u001B]8;;\u001B\\\n`);
    expect(stylish(results, context)).not.toContain('\u001B');
  });

  it('stylish with code frames shows the offending lines under each problem', () => {
    const lines = stylish(results, { ...context, codeFrame: true }).split('\n');
    expect(lines.slice(1, 14)).toEqual([
      expect.stringMatching(/^  11:1  error/),
      expect.stringMatching(/^ {17}repeated top-level key/),
      expect.stringMatching(/^ {17}keep the later value/),
      expect.stringMatching(/^ {17}yaml\/duplicate-key/),
      '  11 │ pkg: "broken-bin"',
      '     │ ^^^',
      "                 ↳ 5:1: the first 'pkg'",
      '  5 │ pkg: "broken"',
      '    │ ^^^',
      expect.stringMatching(/^  18:1  warning/),
      expect.stringMatching(/^ {17}is the recipe/),
      expect.stringMatching(/^ {17}yaml\/multiple-documents/),
      '  18 │ ---',
    ]);
  });

  it('json: the ESLint shape, with absolute paths', () => {
    const parsed = JSON.parse(reportText(json(results, context))) as { filePath: string; messages: { ruleId: string; line: number }[]; warningCount: number }[];
    expect(parsed.map((r) => [r.filePath, r.messages.map((m) => `${m.ruleId}@${m.line}`)])).toEqual([
      [join(cwd, 'a/broken.yaml'), ['yaml/duplicate-key@11', 'yaml/multiple-documents@18']],
      [join(cwd, ODD), ['sbuild/shebang@1']],
      [join(cwd, 'c/clean.yaml'), []],
    ]);
  });

  it('github: workflow commands with escaped properties, then the summary', () => {
    expect(reportText(github(results, context)).split('\n')).toEqual([
      `::error file=a/broken.yaml,line=11,endLine=11,col=1,endColumn=4,title=yaml/duplicate-key::${DUPLICATE}`,
      `::warning file=a/broken.yaml,line=18,endLine=18,col=1,endColumn=4,title=yaml/multiple-documents::${SECOND_DOCUMENT}`,
      `::warning file=b%2Cdir%3A50%25&<"q">/no-shebang.yaml,line=1,endLine=1,col=1,endColumn=17,title=sbuild/shebang::${SHEBANG}`,
      '✖ 1 error, 2 warnings, 1 fixable with --fix · 3 files checked',
      '',
    ]);
  });

  it('github: escapes % and line breaks in messages, and also , and : in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
    const diagnostic: Diagnostic = { ...results[0]!.diagnostics[0]!, ruleId: 'shell/SC2086', message: 'line one\nline two: 100%, done', severity: 'info' };
    expect(reportText(github([{ path: 'x:y.yaml', diagnostics: [diagnostic] }], context)).split('\n')[0]).toBe(
      '::notice file=x%3Ay.yaml,line=11,endLine=11,col=1,endColumn=4,title=shell/SC2086::line one%0Aline two: 100%25, done',
    );
  });

  it('gcc: path:line:col: severity: message [rule], one line each and nothing else', () => {
    expect(reportText(gcc(results, context))).toBe(
      [
        `a/broken.yaml:11:1: error: ${DUPLICATE} [yaml/duplicate-key]`,
        `a/broken.yaml:18:1: warning: ${SECOND_DOCUMENT} [yaml/multiple-documents]`,
        `${ODD}:1:1: warning: ${SHEBANG} [sbuild/shebang]`,
        '',
      ].join('\n'),
    );
  });

  it('checkstyle: a <file> per linted file, XML-escaped', () => {
    const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
    expect(checkstyle(results, context).split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<checkstyle version="4.3">',
      '  <file name="a/broken.yaml">',
      `    <error line="11" column="1" severity="error" message="${xml(DUPLICATE)}" source="fim-lint.yaml/duplicate-key"/>`,
      `    <error line="18" column="1" severity="warning" message="${xml(SECOND_DOCUMENT)}" source="fim-lint.yaml/multiple-documents"/>`,
      '  </file>',
      '  <file name="b,dir:50%&amp;&lt;&quot;q&quot;&gt;/no-shebang.yaml">',
      `    <error line="1" column="1" severity="warning" message="${xml(SHEBANG)}" source="fim-lint.sbuild/shebang"/>`,
      '  </file>',
      '  <file name="c/clean.yaml">',
      '  </file>',
      '</checkstyle>',
      '',
    ]);
  });

  it('junit: a suite per file, a failing case per problem, a passing case for a clean file', () => {
    const out = junit(results, context);
    expect(out).toContain('<testsuites name="fim-lint" tests="4" failures="3" errors="0">');
    expect(out).toContain('<testsuite name="a/broken.yaml" tests="2" failures="2" errors="0">');
    expect(out).toContain('<testcase classname="a/broken.yaml" name="yaml/duplicate-key 11:1">');
    expect(out).toContain(`<failure type="error" message="Duplicate key &apos;pkg&apos;: the 2025-11 builder`);
    expect(out).toContain('<testsuite name="c/clean.yaml" tests="1" failures="0" errors="0">\n    <testcase classname="c/clean.yaml" name="no problems"/>');
    expect(out.match(/<failure /g)).toHaveLength(3);
  });

  it('xml formats replace characters that XML 1.0 forbids', () => {
    const diagnostic: Diagnostic = { ...results[0]!.diagnostics[0]!, message: 'bad byte \u0001 here & there' };
    expect(checkstyle([{ path: 'x.yaml', diagnostics: [diagnostic] }], context)).toContain('message="bad byte \uFFFD here &amp; there"');
  });

  describe('sarif', () => {
    const log = JSON.parse(sarif(results, context)) as Log;

    it('validates against the SARIF 2.1.0 schema', () => {
      const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
      // The schema is draft-04 (`id`) and one of its patterns is not valid with the `u` flag.
      const ajv = new Ajv.default({ strict: false, unicodeRegExp: false, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile({ $id: id, ...schema });
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
    });

    it('lists every rule with its description and help page', () => {
      const driver = log.runs[0]!.tool.driver;
      expect(driver.name).toBe('fim-lint');
      expect(driver.rules!.map((rule) => rule.id)).toEqual(context.rules!.map((rule) => rule.id));
      expect(driver.rules!.find((rule) => rule.id === 'yaml/duplicate-key')).toMatchObject({
        id: 'yaml/duplicate-key',
        shortDescription: { text: 'A key may appear only once in a mapping (the builder keeps the later value)' },
        fullDescription: { text: expect.stringMatching(/^That no key appears twice in the same mapping\. The diagnostic points at the second occurrence/) },
        help: { text: expect.stringContaining('\n\n'), markdown: expect.stringMatching(/^\*\*Severity:\*\* warning/) },
        helpUri: 'https://github.com/fim-lint/fim-lint/blob/main/docs/rules/yaml/duplicate-key.md',
        defaultConfiguration: { level: 'warning' },
      });
    });

    it('gives every rule, ShellCheck codes included, a short and a full description and help in text and Markdown', () => {
      const shellFinding = { ...results[0]!.diagnostics[0]!, ruleId: 'shell/SC2086', message: 'Double quote to prevent globbing and word splitting.', url: 'https://www.shellcheck.net/wiki/SC2086' };
      const withShell = JSON.parse(sarif([{ path: 'x.yaml', diagnostics: [shellFinding] }], context)) as Log;
      const rules = withShell.runs[0]!.tool.driver.rules!;
      for (const rule of rules) {
        expect(rule.shortDescription?.text, rule.id).toBeTruthy();
        expect(rule.fullDescription?.text, rule.id).toBeTruthy();
        expect(rule.help?.text, rule.id).toBeTruthy();
        expect(rule.help?.markdown, rule.id).toBeTruthy();
      }
      expect(rules.at(-1)).toMatchObject({
        id: 'shell/SC2086',
        shortDescription: { text: 'ShellCheck SC2086 in an embedded script: Double quote to prevent globbing and word splitting.' },
        fullDescription: { text: expect.stringMatching(/^Runs ShellCheck on x_exec.run/) },
        helpUri: 'https://www.shellcheck.net/wiki/SC2086',
      });
    });

    it('gives each result its rule, level, relative uri and region', () => {
      const results = log.runs[0]!.results!;
      expect(results.map((r) => [r.ruleId, r.level, r.locations![0]!.physicalLocation!.artifactLocation!.uri, r.locations![0]!.physicalLocation!.region])).toEqual([
        ['yaml/duplicate-key', 'error', 'a/broken.yaml', { startLine: 11, startColumn: 1, endLine: 11, endColumn: 4 }],
        ['yaml/multiple-documents', 'warning', 'a/broken.yaml', { startLine: 18, startColumn: 1, endLine: 18, endColumn: 4 }],
        ['sbuild/shebang', 'warning', 'b%2Cdir%3A50%25%26%3C%22q%22%3E/no-shebang.yaml', { startLine: 1, startColumn: 1, endLine: 1, endColumn: 17 }],
      ]);
      const rules = log.runs[0]!.tool.driver.rules!;
      expect(results.every((r) => rules[r.ruleIndex!]!.id === r.ruleId)).toBe(true);
    });
  });
});
