import { defineRule } from '../../core/rule.js';

/** A carriage return that no line feed follows: an old Mac line ending. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/g;

export default defineRule({
  id: 'yaml/line-break',
  description: 'Lines end with LF or CRLF: YAML reads a lone carriage return as a line break, which fim-lint does not',
  severity: 'error',
  fixable: 'safe',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    const { text } = recipe;
    if (!text.includes('\r')) return;
    const returns = [...text.matchAll(LONE_CARRIAGE_RETURN)].map((match) => match.index);
    if (returns.length === 0) return;
    const first = returns[0]!;
    const more = returns.length > 1 ? ` (and ${returns.length - 1} more after it)` : '';
    report({
      message: `A carriage return without a line feed${more}: YAML, and so the builder, reads it as a line break, which fim-lint's parser does not, so what follows it is not checked as the builder reads it; end lines with LF or CRLF`,
      at: { start: first, end: first + 1 },
      fix: returns.map((start) => ({ start, end: start + 1, text: '\n' })),
    });
  },
});
