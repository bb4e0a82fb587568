import { describe, expect, it } from 'vitest';
import { printConfig } from '../../src/cli/introspect.js';
import { defaultConfig } from '../../src/core/config.js';
import type { FileResult } from '../../src/core/diagnostic.js';
import { checkstyle } from '../../src/reporters/checkstyle.js';
import { stringifyInert, stringifyWellFormed, visible, wellFormed } from '../../src/reporters/escape.js';
import { json } from '../../src/reporters/json.js';
import { junit } from '../../src/reporters/junit.js';
import { sarif } from '../../src/reporters/sarif.js';
import { shownPath, type ReportContext } from '../../src/reporters/reporter.js';
import { lintOutcome, VALID_RECIPE } from '../helpers.js';
import { reportText } from './fixture.js';

describe('visible', () => {
  it('shows ESC, BEL, CSI, OSC 52, C1 and DEL as escapes and keeps printable text and tabs', () => {
    expect(visible('a\u001B[2J\u0007b')).toBe('a\\e[2J\\x07b');
    expect(visible('\u001B]52;c;cm0gLXJmIH4=\u0007')).toBe('\\e]52;c;cm0gLXJmIH4=\\x07');
    expect(visible('\u009B31m\u0085\u007F\u0000')).toBe('\\x9B31m\\x85\\x7F\\x00');
    expect(visible('tab\there, é, 漢字, 😀')).toBe('tab\there, é, 漢字, 😀');
  });

  it('shows line breaks, so that no line starts where a file name or value says', () => {
    expect(visible('evil\n::error::forged\r\n')).toBe('evil\\n::error::forged\\r\\n');
    expect(visible('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  it('shows bidirectional marks, overrides and lone surrogates', () => {
    expect(visible('x\u202Ey\u2066z')).toBe('x\\u202Ey\\u2066z');
    expect(visible('\u061C\u200E\u200F')).toBe('\\u061C\\u200E\\u200F');
    expect(visible('\uD800x\uDC00')).toBe('\\uD800x\\uDC00');
  });
});

describe('wellFormed and stringifyWellFormed', () => {
  it('replace lone surrogates, in values and keys, and keep pairs', () => {
    expect(wellFormed('a\uD800b\uDFFF😀')).toBe('a\uFFFDb\uFFFD😀');
    expect(stringifyWellFormed({ 'k\uDBFF': ['v\uDC00', 1, null], nested: { '😀': '\uD83D' } })).toBe('{"k\uFFFD":["v\uFFFD",1,null],"nested":{"😀":"\uFFFD"}}');
  });

  it('keep text that only looks like an escaped surrogate, and indent as asked', () => {
    expect(stringifyWellFormed({ text: '\\ud800 and \\udfff', pair: '😀' })).toBe('{"text":"\\\\ud800 and \\\\udfff","pair":"😀"}');
    expect(stringifyWellFormed({ a: ['\uD800'] }, 2)).toBe('{\n  "a": [\n    "\uFFFD"\n  ]\n}');
  });
});

describe('paths whose name starts with two dots', () => {
  const result = (path: string): FileResult => ({
    path,
    diagnostics: [{ ruleId: 'yaml/syntax', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }],
  });

  it('stay relative to the working directory in SARIF and in the human formats', () => {
    const log = JSON.parse(sarif([result('/work/repo/..x.yaml'), result('/work/repo/../out.yaml')], { color: false, cwd: '/work/repo', skipped: 0 }) as string);
    const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toEqual([{ uri: '..x.yaml', uriBaseId: '%SRCROOT%' }, { uri: 'file:///work/out.yaml' }]);
    expect(shownPath('/work/repo/..x.yaml', '/work/repo')).toBe('..x.yaml');
    expect(shownPath('/work/repo/../out.yaml', '/work/repo')).toBe('/work/repo/../out.yaml');
  });
});

/** Every character beyond C0 that terminals and viewers act on, from each range's ends. */
const ACTED_ON = '\u007F\u0080\u0085\u009B\u009F\u061C\u200E\u200F\u2028\u2029\u202A\u202E\u2066\u2069';

describe('machine formats write the characters terminals and viewers act on as escapes', async () => {
  // The key is unknown, so sbuild/unknown-key quotes it: a CSI (U+009B) and a right-to-left override (U+202E).
  const { result } = await lintOutcome(`${VALID_RECIPE}"x_a\\u009b2J\\u202Eevil": 1\n`, { path: 'evil.yaml' });
  const context: ReportContext = { color: false, cwd: '/work', skipped: 0 };
  const message = "Unknown key 'x_a\u009B2J\u202Eevil', which the builder ignores: SBUILD does not define it";
  const raw = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

  it('reports the key in the message, with its characters as they are', () => {
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['sbuild/unknown-key', message]]);
  });

  it('json: as \\u escapes, and the message read back is the same', () => {
    const text = reportText(json([result], context));
    expect(text).toContain(String.raw`"message":"Unknown key 'x_a\u009b2J\u202eevil', which the builder ignores: SBUILD does not define it"`);
    expect(text).not.toMatch(raw);
    expect(JSON.parse(text)[0].messages[0].message).toBe(message);
  });

  it('sarif: as \\u escapes, and the message read back is the same', () => {
    const text = sarif([result], context) as string;
    expect(text).toContain(String.raw`"text": "Unknown key 'x_a\u009b2J\u202eevil', which the builder ignores: SBUILD does not define it"`);
    expect(text).not.toMatch(raw);
    expect(JSON.parse(text).runs[0].results[0].message.text).toBe(message);
  });

  it('checkstyle: as character references in the message attribute', () => {
    const text = checkstyle([result], context) as string;
    expect(text).toContain('message="Unknown key &apos;x_a&#x9B;2J&#x202E;evil&apos;, which the builder ignores: SBUILD does not define it"');
    expect(text).not.toMatch(raw);
  });

  it('junit: as character references in the failure text, shown as escapes in its one-line message attribute', () => {
    const text = junit([result], context) as string;
    expect(text).toContain("<failure type=\"warning\" message=\"Unknown key &apos;x_a\\x9B2J\\u202Eevil&apos;, which the builder ignores: SBUILD does not define it\">");
    expect(text).toContain('>evil.yaml:21:1: warning: Unknown key &apos;x_a&#x9B;2J&#x202E;evil&apos;, which the builder ignores: SBUILD does not define it [sbuild/unknown-key]</failure>');
    expect(text).not.toMatch(raw);
  });

  it('every such character, in keys and values, and nothing else: the data read back is the same', () => {
    const value = { [`k${ACTED_ON}`]: [`v${ACTED_ON}`, 'tab\t, é, 漢字, 😀', '\u0001\n'] };
    const text = stringifyInert(value);
    const escapes = String.raw`\u007f\u0080\u0085\u009b\u009f\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069`;
    expect(text).toBe(`{"k${escapes}":["v${escapes}","tab\\t, é, 漢字, 😀","\\u0001\\n"]}`);
    expect(JSON.parse(text)).toEqual(value);
    expect(stringifyInert({ a: ['\u202E'] }, 2)).toBe('{\n  "a": [\n    "\\u202e"\n  ]\n}');
  });

  it('xml: every such character as a character reference; characters XML 1.0 forbids still replaced', () => {
    const diagnostic = { ...result.diagnostics[0]!, message: `${ACTED_ON} \u0001\u001B\t` };
    const references = '&#x7F;&#x80;&#x85;&#x9B;&#x9F;&#x61C;&#x200E;&#x200F;&#x2028;&#x2029;&#x202A;&#x202E;&#x2066;&#x2069;';
    expect(checkstyle([{ path: 'x.yaml', diagnostics: [diagnostic] }], context)).toContain(`message="${references} \uFFFD\uFFFD&#9;"`);
    expect(junit([{ path: 'x.yaml', diagnostics: [diagnostic] }], context)).toContain(`x.yaml:21:1: warning: ${references} \uFFFD\uFFFD&#9; [sbuild/unknown-key]</failure>`);
  });

  it('--print-config: a file name with a right-to-left override', () => {
    const text = printConfig('a\u202Eb.yaml', { config: defaultConfig(), ignored: false, configFile: undefined }, []);
    expect(text).toContain(String.raw`"file": "a\u202eb.yaml"`);
    expect(JSON.parse(text).file).toBe('a\u202Eb.yaml');
  });
});
