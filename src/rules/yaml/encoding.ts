import { visit } from 'yaml';
import { defineRule } from '../../core/rule.js';
import type { Recipe, Span } from '../../recipe/recipe.js';

/**
 * Runs of one control character that YAML 1.2 does not take as text (§5.1): C0 controls but tab, LF and CR, which no
 * YAML allows, and DEL and the C1 controls but NEL, which YAML 1.2 allows inside quoted scalars only. The yaml parser
 * reads them all without a word.
 */
const CONTROL_RUNS = /([\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F])\1*/g;

const C0_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

interface ControlRun {
  code: number;
  count: number;
  at: Span;
}

export default defineRule({
  id: 'yaml/encoding',
  description: 'The file must be UTF-8 text, without binary data or the control characters YAML does not allow',
  severity: 'error',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    const failure = recipe.decodeFailure;
    if (failure) {
      report({ message: failure.message, at: { start: failure.offset, end: failure.offset } });
      return;
    }
    for (const run of forbiddenControlRuns(recipe)) report({ message: controlMessage(run), at: run.at });
  },
});

function* forbiddenControlRuns(recipe: Recipe): Generator<ControlRun> {
  let quoted: Span[] | undefined;
  for (const match of recipe.text.matchAll(CONTROL_RUNS)) {
    const code = match[0].charCodeAt(0);
    const at = { start: match.index, end: match.index + match[0].length };
    // A run cannot straddle a quote, so its first character tells whether it is inside a quoted scalar.
    if (!isC0(code) && (quoted ??= quotedScalars(recipe)).some((span) => span.start < at.start && at.start < span.end)) continue;
    yield { code, count: match[0].length, at };
  }
}

function quotedScalars(recipe: Recipe): Span[] {
  const spans: Span[] = [];
  for (const document of recipe.documents) {
    visit(document, {
      Scalar(_key, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) spans.push({ start: node.range[0], end: node.range[1] });
      },
    });
  }
  return spans;
}

function isC0(code: number): boolean {
  return code < 0x20;
}

function controlMessage({ code, count }: ControlRun): string {
  const hex = code.toString(16).toUpperCase().padStart(2, '0');
  const name = isC0(code) ? ` (${C0_NAMES[code]})` : code === 0x7f ? ' (DEL)' : '';
  const one = count === 1;
  const what = one ? `Control character U+00${hex}${name}` : `${count} control characters U+00${hex}${name} in a row`;
  const where = isC0(code)
    ? `YAML allows ${one ? 'it' : 'them'} nowhere in a file, not even in quotes, and loaders such as PyYAML reject the file`
    : `YAML allows ${one ? 'it' : 'them'} only inside quoted strings, and loaders such as PyYAML reject ${one ? 'it' : 'them'} anywhere`;
  return `${what}: ${where}; remove ${one ? 'it' : 'them'}, or write ${one ? 'it as the escape' : 'each as'} \\x${hex} inside a double-quoted string`;
}
