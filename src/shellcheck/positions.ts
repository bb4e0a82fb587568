import type { Edit } from '../core/diagnostic.js';
import type { Span } from '../recipe/recipe.js';
import type { EmbeddedScript } from '../recipe/scripts.js';
import type { ShellCheckComment } from './runner.js';

/**
 * Script offsets of ShellCheck's lines and columns. ShellCheck counts columns in code points (json1, a tab counts 1);
 * offsets count UTF-16 units, so a line with characters outside the BMP needs converting.
 */
export class ScriptPositions {
  readonly #text: string;
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    this.#text = text;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.#lineStarts.push(index + 1);
  }

  offset(line: number, column: number): number {
    const start = this.#lineStarts[Math.min(Math.max(line, 1), this.#lineStarts.length) - 1]!;
    const next = this.#lineStarts[line];
    const lineEnd = next === undefined ? this.#text.length : next - 1;
    let offset = start;
    for (let codePoints = 1; codePoints < column && offset < lineEnd; codePoints++) {
      offset += (this.#text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
    }
    return Math.min(offset, lineEnd);
  }
}

/** The file span of a finding. */
export function findingSpan(script: EmbeddedScript, positions: ScriptPositions, comment: ShellCheckComment): Span {
  return script.toFileSpan(positions.offset(comment.line, comment.column), positions.offset(comment.endLine, comment.endColumn));
}

/**
 * ShellCheck's suggested fix as edits of the recipe, offered only where they can be written exactly: in a literal block (where the
 * script is the text, without escapes or folding) and for replacements on one line (a line break would need the
 * block's indentation).
 */
export function findingFix(script: EmbeddedScript, positions: ScriptPositions, comment: ShellCheckComment): Edit[] | undefined {
  const replacements = comment.fix?.replacements ?? [];
  if (replacements.length === 0 || script.node.type !== 'BLOCK_LITERAL' || !script.exact) return undefined;
  if (replacements.some((replacement) => replacement.line !== replacement.endLine || replacement.replacement.includes('\n'))) return undefined;
  return replacements.map((replacement) => ({
    start: script.toFileOffset(positions.offset(replacement.line, replacement.column)),
    end: script.toFileOffset(positions.offset(replacement.endLine, replacement.endColumn)),
    text: replacement.replacement,
  }));
}
