import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/core/diagnostic.js';
import { stringifyWellFormed, visible, wellFormed } from '../../src/reporters/escape.js';
import { sarif } from '../../src/reporters/sarif.js';
import { shownPath } from '../../src/reporters/reporter.js';

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

  it('shows bidirectional overrides and lone surrogates', () => {
    expect(visible('x\u202Ey\u2066z')).toBe('x\\u202Ey\\u2066z');
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
