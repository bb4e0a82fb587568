import type { Node } from 'web-tree-sitter';
import { escapeAt } from './escapes.js';

/** A script's text with the offset of each character in the tree it comes from. */
export interface ScriptText {
  text: string;
  /** One offset per character, and the end offset last. */
  offsets: number[];
  /** Whether the shell that holds it expanded it first (double quotes, an unquoted here-document). */
  expanded: boolean;
}

/**
 * The text of a quoted or plain word, or of a here-document body, as a script, with the script offset of each of its
 * characters. `expanded` tells whether this shell expanded it first (double quotes, an unquoted here-document).
 */
export function scriptText(node: Node): ScriptText {
  let text = '';
  const offsets: number[] = [];
  const add = (value: string, start: number, escapes: RegExp | undefined) => {
    for (let index = 0; index < value.length; index++) {
      if (escapes && value[index] === '\\' && escapes.test(value[index + 1] ?? '')) index++;
      text += value[index];
      offsets.push(start + index);
    }
  };
  let expanded = true;
  if (node.type === 'raw_string') {
    add(node.text.slice(1, -1), node.startIndex + 1, undefined);
    expanded = false;
  } else if (node.type === 'ansi_c_string') {
    // `$'…'` is quoted as `'…'` is, its backslash escapes decoded (`\x73trip`, `\'`).
    const body = node.text.slice(2, -1);
    for (let index = 0; index < body.length; index++) {
      const escape = body[index] === '\\' ? escapeAt(body, index, 'ansi-c') : undefined;
      add(escape?.value ?? body[index]!, node.startIndex + 2 + index, undefined);
      index += (escape?.length ?? 1) - 1;
    }
    expanded = false;
  } else if (node.type === 'string') {
    for (const child of node.namedChildren) add(child.text, child.startIndex, child.type === 'string_content' ? /[$`"\\]/ : undefined);
  } else if (node.type === 'heredoc_body') {
    const start = node.parent?.namedChildren.find((child) => child.type === 'heredoc_start')?.text ?? '';
    expanded = !/['"\\]/.test(start);
    add(node.text, node.startIndex, expanded ? /[$`\\]/ : undefined);
  } else if (node.type === 'concatenation') {
    // `"str""ip ./x"`, `'strip '"$f"`: the parts one after the other, each unquoted as it is written.
    const output = new ScriptWriter();
    for (const part of node.children) output.addScript(scriptText(part));
    return output.done(node.endIndex);
  } else add(node.text, node.startIndex, /./);
  offsets.push(node.endIndex);
  return { text, offsets, expanded };
}

/** What `echo ARG…` prints: the arguments joined by spaces. */
export function echoOutput(args: Node[]): ScriptText {
  const output = new ScriptWriter();
  args.forEach((arg, index) => {
    if (index > 0) output.add(' ', arg.startIndex);
    output.addScript(scriptText(arg));
  });
  return output.done(args[args.length - 1]!.endIndex);
}

const PRINTF_CONVERSION = /^%[-+ #0]*\d*(?:\.\d*)?[a-zA-Z]/;

/** What `printf FORMAT ARG…` prints: its format with each conversion replaced by the next argument, repeated while arguments remain. */
export function printfOutput(format: Node, args: Node[]): ScriptText {
  const pattern = scriptText(format);
  const values = args.map((arg) => scriptText(arg));
  const output = new ScriptWriter();
  let next = 0;
  do {
    const before = next;
    for (let index = 0; index < pattern.text.length; index++) {
      const character = pattern.text[index]!;
      const offset = pattern.offsets[index]!;
      const following = pattern.text[index + 1];
      const conversion = character === '%' ? PRINTF_CONVERSION.exec(pattern.text.slice(index, index + 16)) : null;
      if (character === '\\' && following !== undefined) {
        const escape = escapeAt(pattern.text, index, 'printf');
        output.add(escape?.value ?? following, offset);
        index += (escape?.length ?? 2) - 1;
      } else if (character === '%' && following === '%') {
        output.add('%', offset);
        index++;
      } else if (conversion) {
        const value = values[next++];
        if (value) output.addScript(value);
        index += conversion[0].length - 1;
      } else output.add(character, offset);
    }
    // A format without conversions is printed once, whatever the arguments.
    if (next === before) break;
  } while (next < values.length);
  output.expanded ||= pattern.expanded || values.some((value) => value.expanded);
  return output.done(format.endIndex);
}

/** Builds a script text character by character, each with the tree offset it comes from. */
class ScriptWriter {
  text = '';
  readonly offsets: number[] = [];
  expanded = false;

  add(characters: string, offset: number): void {
    this.text += characters;
    for (let index = 0; index < characters.length; index++) this.offsets.push(offset);
  }

  addScript(script: ScriptText): void {
    this.text += script.text;
    for (let index = 0; index < script.text.length; index++) this.offsets.push(script.offsets[index]!);
    this.expanded ||= script.expanded;
  }

  done(endOffset: number): ScriptText {
    return { text: this.text, offsets: [...this.offsets, endOffset], expanded: this.expanded };
  }
}

/** The script with each occurrence of a placeholder replaced by a path, which spans the placeholder's characters. */
export function withPlaceholder(script: ScriptText, placeholder: string, path: string): ScriptText {
  const output = new ScriptWriter();
  output.expanded = script.expanded;
  let index = 0;
  script.text.split(placeholder).forEach((part, number) => {
    if (number > 0) {
      for (let at = 0; at < path.length; at++) output.add(path[at]!, script.offsets[index + Math.min(at, placeholder.length - 1)]!);
      index += placeholder.length;
    }
    output.addScript({ text: part, offsets: script.offsets.slice(index, index + part.length), expanded: script.expanded });
    index += part.length;
  });
  return output.done(script.offsets[script.text.length]!);
}
