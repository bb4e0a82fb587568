import type { Node } from 'web-tree-sitter';
import { decodeBackslashEscapes } from './escapes.js';
import { expandParameter } from './parameter-expansion.js';
import { isRooted, resolvePath } from './paths.js';
import { MAX_VALUE_LENGTH, TOO_LONG } from './value-limit.js';

/** Values a shell variable may hold at some point of a script: several when it is a loop variable. */
export type Bindings = ReadonlyMap<string, readonly string[]>;

/** A word of a command line, with the values it may take once quotes are removed and known variables expanded. */
export interface Word {
  /** The word as written in the script. */
  raw: string;
  /**
   * The possible values: quotes removed, `$NAME` written as `${NAME}`, known variables replaced. A variable the
   * script never assigns stays `${NAME}`, and anything the linter does not evaluate (`$(…)`, `${x:-y}`) stays as
   * written.
   */
  values: string[];
  /** True when the word is plain text with nothing left to expand (a literal). */
  literal: boolean;
  /** When `values` were translated (a path in a container mapped to the host): the values as the script has them. */
  written?: string[];
  /** Offsets in the script that holds the word. */
  start: number;
  end: number;
}

/** Loops over long lists and nested concatenations stop growing here. */
const MAX_VALUES = 16;

export function evaluateWord(node: Node, bindings: Bindings): Word {
  const { values, literal } = evaluate(node, bindings);
  return { raw: node.text, values, literal, start: node.startIndex, end: node.endIndex };
}

/** A word made from text alone (e.g. the `{}` of `find -exec` replaced by what it stands for). */
export function syntheticWord(values: string[], at: { start: number; end: number }): Word {
  return { raw: values[0] ?? '', values, literal: false, start: at.start, end: at.end };
}

interface Evaluated {
  values: string[];
  literal: boolean;
}

function evaluate(node: Node, bindings: Bindings): Evaluated {
  const type = node.type;
  switch (type) {
    case 'command_name': {
      const child = node.firstChild;
      return child ? evaluate(child, bindings) : { values: [node.text], literal: true };
    }
    case 'word':
      return { values: [node.text.replace(/\\(.)/g, '$1')], literal: true };
    case 'number':
      return { values: [node.text], literal: true };
    case 'raw_string':
      return { values: [node.text.slice(1, -1)], literal: true };
    case 'ansi_c_string':
      return { values: [decodeBackslashEscapes(node.text.slice(2, -1), 'ansi-c')], literal: false };
    case 'string': {
      const parts = node.namedChildren.map((child) =>
        child.type === 'string_content' ? { values: [unescapeDoubleQuoted(child.text)], literal: true } : evaluate(child, bindings),
      );
      return { values: product(parts.map((part) => part.values)), literal: parts.every((part) => part.literal) };
    }
    case 'concatenation': {
      const parts = node.children.map((child) => evaluate(child, bindings));
      const literal = parts.every((part) => part.literal);
      const braced = withBraceExpansion(node.children, parts);
      return { values: braced ?? product(parts.map((part) => part.values)), literal: literal && braced === undefined };
    }
    case 'simple_expansion':
    case 'expansion':
      return { values: expandVariable(node, bindings), literal: false };
    case 'command_substitution':
      return { values: [pathSubstitution(node, bindings) ?? node.text], literal: false };
    default:
      return { values: [node.text], literal: false };
  }
}

function expandVariable(node: Node, bindings: Bindings): string[] {
  const named = node.namedChildren;
  // `${name[N]}`, `${name[@]}`: an element of an array the script assigned, or all of them as alternatives.
  if (node.type === 'expansion' && named.length === 1 && named[0]!.type === 'subscript' && node.text.startsWith('${') && !/^\$\{[#!]/.test(node.text)) {
    const subscript = named[0]!;
    const index = subscript.childForFieldName('index')?.text;
    const array = subscript.childForFieldName('name')?.text ?? '';
    const key = `${array}[${index === '*' ? '@' : index}]`;
    if (!node.text.endsWith(']}')) return [node.text];
    return (bindings.get(key) ?? elementAt(array, index ?? '', bindings))?.slice() ?? [node.text];
  }
  // `${NAME}` and `$NAME` alone, or with one of the shell's string operations (`${x#y}`, `${x:-y}`, `${x,,}`, …);
  // what is not evaluated (`${#x}`, `${!x}`, an operand with a substitution) is kept as written.
  const plain = named.length === 1 && (named[0]!.type === 'variable_name' || named[0]!.type === 'special_variable_name');
  const plainLength = node.type === 'expansion' ? named[0] && node.text === `\${${named[0].text}}` : true;
  if (!plain || !plainLength) return (node.type === 'expansion' && expandParameter(node.text, bindings)) || [node.text];
  const name = named[0]!.text;
  return bindings.get(name)?.slice() ?? [`\${${name}}`];
}

/**
 * `${files[i]}`, `${files[$i]}`, `${files[-1]}`: the element an index computed from a known number picks (a variable
 * holding one, counted from the end when negative), else any element of the array.
 */
function elementAt(array: string, index: string, bindings: Bindings): readonly string[] | undefined {
  const all = bindings.get(`${array}[@]`);
  if (!all) return undefined;
  const variable = /^\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(index)?.[1];
  const held = variable === undefined ? [index] : bindings.get(variable);
  const number = held?.length === 1 && /^-?\d+$/.test(held[0]!) ? Number(held[0]) : undefined;
  if (number === undefined) return all;
  const count = [...bindings.keys()].filter((key) => key.startsWith(`${array}[`) && /^\d+\]$/.test(key.slice(array.length + 1))).length;
  return bindings.get(`${array}[${number < 0 ? count + number : number}]`) ?? all;
}

/**
 * What `$(pwd)`, `$(realpath PATH)` and `$(readlink -f PATH)` print: the path, relative ones under `${PWD}` (the
 * working directory the script is known to be in, when it is bound). Also `$(dirname PATH)`, `$(printf '%s/%s' …)` and
 * a program's path (`$(command -v strip)`). Undefined for any other substitution.
 */
function pathSubstitution(node: Node, bindings: Bindings): string | undefined {
  if (node.namedChildren.length !== 1) return undefined;
  const command = node.namedChildren[0]!;
  const catted = catHeredoc(command);
  if (catted) return heredocText(catted, bindings)?.replace(/\n+$/, '');
  if (command.type !== 'command' || command.childrenForFieldName('redirect').length > 0) return undefined;
  const name = command.childForFieldName('name')?.text;
  const args = command.childrenForFieldName('argument');
  const lookedUp = programLookup(name, args, bindings);
  if (lookedUp !== undefined) return lookedUp;
  if (name === 'dirname' && args.length === 1) {
    const [path] = evaluate(args[0]!, bindings).values;
    return path === undefined || !path.includes('/') ? undefined : path.replace(/\/+[^/]*\/*$/, '') || '/';
  }
  if (name === 'printf') return printed(args.map((arg) => evaluate(arg, bindings).values));
  if (name === 'echo') return echoed(args.map((arg) => evaluate(arg, bindings).values));
  const pwd = bindings.get('PWD')?.[0] ?? '${PWD}';
  if (name === 'pwd' && args.every((arg) => /^-[LP]$/.test(arg.text))) return pwd;
  const options = args.filter((arg) => arg.text.startsWith('-'));
  const operands = args.filter((arg) => !arg.text.startsWith('-'));
  if (operands.length !== 1) return undefined;
  if (name === 'realpath' ? options.some((arg) => /^--?(relative|z|zero)/.test(arg.text)) : name !== 'readlink' || !options.some((arg) => /^-[a-z]*[fem]/.test(arg.text))) return undefined;
  const values = evaluate(operands[0]!, bindings).values;
  if (values.length !== 1) return undefined;
  const path = values[0]!;
  // A relative path is taken from the working directory (`cd "${SBUILD_TMPDIR}"; realpath ../x` is the output directory's x).
  if (isRooted(path)) return path;
  return resolvePath(pwd, path) ?? `${pwd}/${path.replace(/^\.\//, '')}`;
}

/** The here-document `cat <<EOF` prints, when the statement is just that. */
function catHeredoc(statement: Node): Node | undefined {
  if (statement.type !== 'redirected_statement') return undefined;
  const body = statement.childForFieldName('body');
  if (body?.type !== 'command' || body.childForFieldName('name')?.text !== 'cat' || body.childrenForFieldName('argument').length > 0) return undefined;
  const redirects = statement.childrenForFieldName('redirect');
  if (redirects.length !== 1 || redirects[0]!.type !== 'heredoc_redirect') return undefined;
  return redirects[0]!.namedChildren.find((child) => child.type === 'heredoc_body');
}

/**
 * The text a here-document body stands for, with its variables expanded (their first value). Under a quoted marker
 * (`<<'EOF'`) it is the text as written, and undefined when that holds a `$`: a value writes a variable as `${NAME}`,
 * so a literal one could not be told from it.
 */
export function heredocText(body: Node, bindings: Bindings): string | undefined {
  const marker = body.parent?.namedChildren.find((child) => child.type === 'heredoc_start')?.text ?? '';
  if (/['"\\]/.test(marker)) return body.text.includes('$') ? undefined : body.text;
  let text = '';
  let at = body.startIndex;
  for (const child of body.namedChildren) {
    text += body.text.slice(at - body.startIndex, child.startIndex - body.startIndex);
    if (child.type === 'simple_expansion' || child.type === 'expansion') text += expandVariable(child, bindings)[0] ?? child.text;
    else text += child.type === 'heredoc_content' ? child.text.replace(/\\([$`\\])/g, '$1') : child.text;
    at = child.endIndex;
  }
  return text + body.text.slice(at - body.startIndex);
}

/** `$(which strip)`, `$(command -v strip)`, `$(type -P strip)`: where a program is, which names the program. */
function programLookup(name: string | undefined, args: Node[], bindings: Bindings): string | undefined {
  if (name !== 'which' && name !== 'command' && name !== 'type') return undefined;
  const words = args.map((arg) => evaluate(arg, bindings));
  if (!words.every((word) => word.literal && word.values.length === 1)) return undefined;
  const [first, second, ...rest] = words.map((word) => word.values[0]!);
  if (name === 'which' && first !== undefined && second === undefined && !first.startsWith('-')) return first;
  const option = name === 'command' ? /^-v$/ : name === 'type' ? /^-[pP]$/ : undefined;
  return option?.test(first ?? '') && second !== undefined && rest.length === 0 ? second : undefined;
}

/**
 * What `printf FORMAT ARG…` prints, given the values each word may have, when each has one and FORMAT holds only `%s`
 * conversions, one for each argument; without its final line break (which a substitution drops). Else undefined.
 */
export function printed(words: string[][]): string | undefined {
  if (!words.every((values) => values.length === 1)) return undefined;
  const [format, ...args] = words.map((values) => values[0]!);
  if (format === undefined || format.startsWith('-')) return undefined;
  const conversions = format.match(/%./g) ?? [];
  if (conversions.some((conversion) => conversion !== '%s' && conversion !== '%%')) return undefined;
  if (conversions.filter((conversion) => conversion === '%s').length !== args.length) return undefined;
  let index = 0;
  const text = format.split(/(%[s%])/).map((part, at) => (at % 2 === 0 ? decodeBackslashEscapes(part, 'printf') : part === '%%' ? '%' : args[index++]!));
  return text.join('').replace(/\n$/, '');
}

/** What `echo ARG…` prints when each word has one value: the words after its options, joined by spaces. Else undefined. */
function echoed(words: string[][]): string | undefined {
  const first = words.findIndex((values) => !/^-[neE]+$/.test(values[0] ?? ''));
  const printedWords = first === -1 ? [] : words.slice(first);
  if (!printedWords.every((values) => values.length === 1)) return undefined;
  const text = printedWords.map((values) => values[0]).join(' ');
  // `echo -e` reads backslash escapes (the last of -e and -E wins).
  const options = words.slice(0, first === -1 ? words.length : first).map((values) => values[0]!).join('');
  return /e[^E]*$/.test(options) ? decodeBackslashEscapes(text, 'printf') : text;
}

/**
 * `./{a,"${PKG}"}` is `./a ./${PKG}` to bash, which expands braces in the unquoted text of a word before anything
 * else: the words it makes are given as the word's values (what matters is which files it names, not how many words).
 * Undefined when the word has no brace to expand.
 */
function withBraceExpansion(children: Node[], parts: Evaluated[]): string[] | undefined {
  // A word's value is its text without backslashes: a comma in it is one in the text.
  if (!children.some((child, index) => child.type === 'word' && parts[index]!.values[0]!.includes(','))) return undefined;
  // Quoted parts and expansions stand in the template as \0<index>\u0001, so only unquoted braces and commas count.
  const template = children.map((child, index) => (child.type === 'word' ? child.text : `\0${index}\u0001`)).join('');
  if (countOf(template, '{') > MAX_BRACES) return undefined;
  const expanded = expandBraces(template);
  if (expanded.length === 1 && expanded[0] === template) return undefined;
  const values: string[] = [];
  for (const text of expanded) {
    const pieces = text.split(/\0(\d+)\u0001/).map((piece, index) => (index % 2 === 1 ? parts[Number(piece)]!.values : [piece.replace(/\\(.)/g, '$1')]));
    for (const value of product(pieces)) if (values.length < MAX_VALUES) values.push(value);
  }
  return values;
}

/** More braces than this in one word are left unexpanded: each brace is a level of the expansion. */
const MAX_BRACES = 32;

function expandBraces(text: string): string[] {
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    if (text[open - 1] === '\\') continue;
    const commas: number[] = [];
    let depth = 0;
    for (let index = open; index < text.length; index++) {
      const character = text[index];
      if (character === '\\') index++;
      else if (character === '{') depth++;
      else if (character === ',' && depth === 1) commas.push(index);
      else if (character === '}' && --depth === 0) {
        if (commas.length === 0) break;
        const bounds = [open, ...commas, index];
        const results: string[] = [];
        for (let alternative = 0; alternative + 1 < bounds.length; alternative++) {
          const choice = text.slice(0, open) + text.slice(bounds[alternative]! + 1, bounds[alternative + 1]) + text.slice(index + 1);
          for (const result of expandBraces(choice)) if (results.length < MAX_VALUES) results.push(result);
        }
        return results;
      }
    }
  }
  return [text];
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let index = text.indexOf(character); index !== -1; index = text.indexOf(character, index + 1)) count++;
  return count;
}

function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\([$`"\\\n])/g, (_, character: string) => (character === '\n' ? '' : character));
}

function product(parts: string[][]): string[] {
  let result = [''];
  for (const part of parts) {
    const next: string[] = [];
    for (const prefix of result) {
      for (const suffix of part) if (next.length < MAX_VALUES) next.push(prefix.length + suffix.length > MAX_VALUE_LENGTH ? TOO_LONG : prefix + suffix);
    }
    result = next;
  }
  return result;
}
