/** A quote or substitution that is still open when the script ends, as bash reads the script. */
export interface UnclosedQuote {
  /** How it opens: `"`, `$"`, `'`, `$'`, `` ` ``, `$(`, `$((`, `((` or `${`. */
  opener: string;
  start: number;
}

interface Context {
  opener: string;
  start: number;
  /** Open parentheses in `$(…)` and arithmetic, open braces in `${…}`. */
  depth: number;
}

/** Characters after which a `#` starts a comment and `((` or `case` starts a command. */
const WORD_BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const HEREDOC_DELIMITER_END = /[\s;&|<>()]/;

/**
 * The innermost quote, backquote or `$(`, `${`, `$((` that is never closed, found by reading the script's quoting
 * as bash does (comments, here-documents and backslashes included), in one pass. Undefined when everything is
 * closed, and when the script uses something this reading does not follow (a `case` inside `$(…)`, whose patterns
 * end in `)`, a quote in `${…}` inside double quotes, an unreadable here-document delimiter): then nothing is claimed.
 */
export function unclosedQuote(text: string): UnclosedQuote | undefined {
  const stack: Context[] = [{ opener: '', start: 0, depth: 0 }];
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  const push = (opener: string, start: number, depth = 0) => stack.push({ opener, start, depth });
  let i = 0;
  while (i < text.length) {
    const context = stack[stack.length - 1]!;
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '\\' && context.opener !== "'") {
      i += 2;
      continue;
    }
    switch (context.opener) {
      case "'": {
        const close = text.indexOf("'", i);
        if (close === -1) return context;
        stack.pop();
        i = close + 1;
        continue;
      }
      case "$'":
      case '`':
        if (char === context.opener.slice(-1)) stack.pop();
        i++;
        continue;
      case '"':
      case '$"':
        if (char === '"') stack.pop();
        i += char === '$' || char === '`' ? Math.max(1, openSubstitution(text, i, push)) : 1;
        continue;
    }
    // How bash reads a quote inside `${…}` inside double quotes depends on the operator before it (its `dolbrace` states).
    if ((char === "'" || char === '"') && context.opener === '${' && stack.some((outer) => outer.opener.endsWith('"'))) return undefined;
    const opened = char === '$' || char === '`' || char === '"' || char === "'" ? openSubstitution(text, i, push, true) : 0;
    if (opened) {
      i += opened;
      continue;
    }
    if (context.opener === '${') {
      if (char === '{') context.depth++;
      else if (char === '}' && --context.depth < 0) stack.pop();
      i++;
      continue;
    }
    const arithmetic = context.opener === '$((' || context.opener === '((';
    const wordStart = i === 0 || WORD_BREAK.has(text[i - 1]!);
    if (!arithmetic && wordStart && char === '(' && next === '(') {
      push('((', i, 2);
      i += 2;
      continue;
    }
    if (context.opener !== '' && (char === '(' || char === ')')) {
      context.depth += char === '(' ? 1 : -1;
      if (context.depth === 0) stack.pop();
      i++;
      continue;
    }
    if (arithmetic) {
      i++;
      continue;
    }
    // A command: the script itself or the inside of `$(…)`.
    if (wordStart && char === '#') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else if (wordStart && context.opener === '$(' && /^case\s/.test(text.slice(i, i + 5))) {
      return undefined;
    } else if (char === '<' && next === '<') {
      if (text[i + 2] === '<') {
        i += 3;
        continue;
      }
      const heredoc = readHeredocOperator(text, i);
      if (!heredoc) return undefined;
      heredocs.push(heredoc);
      i = heredoc.end;
    } else if (char === '\n' && heredocs.length > 0) {
      i = skipHeredocBodies(text, i + 1, heredocs.splice(0));
    } else {
      i++;
    }
  }
  return stack.length > 1 ? stack[stack.length - 1] : undefined;
}

/**
 * Opens the quote or substitution that starts at `i` (`$(`, `$((`, `${`, `` ` ``, and in a command also `"`, `$"`,
 * `'` and `$'`); how many characters its opener takes, 0 when none starts there.
 */
function openSubstitution(text: string, i: number, push: (opener: string, start: number, depth?: number) => void, inCommand = false): number {
  const char = text[i];
  const next = text[i + 1];
  let opener: string | undefined;
  if (char === '`') opener = '`';
  else if (char === '$' && next === '(') opener = text[i + 2] === '(' ? '$((' : '$(';
  else if (char === '$' && next === '{') opener = '${';
  else if (inCommand && (char === '"' || char === "'")) opener = char;
  else if (inCommand && char === '$' && (next === '"' || next === "'")) opener = `$${next}`;
  if (!opener) return 0;
  push(opener, i, opener === '$((' ? 2 : opener === '$(' ? 1 : 0);
  return opener.length;
}

/** The delimiter of the here-document whose `<<` is at `i`, with where the operator and its word end. */
function readHeredocOperator(text: string, i: number): { delimiter: string; stripTabs: boolean; end: number } | undefined {
  let j = i + 2;
  const stripTabs = text[j] === '-';
  if (stripTabs) j++;
  while (text[j] === ' ' || text[j] === '\t') j++;
  let delimiter = '';
  while (j < text.length && !HEREDOC_DELIMITER_END.test(text[j]!)) {
    const char = text[j]!;
    if (char === "'" || char === '"') {
      const close = text.indexOf(char, j + 1);
      if (close === -1) return undefined;
      delimiter += text.slice(j + 1, close);
      j = close + 1;
    } else if (char === '\\') {
      delimiter += text[j + 1] ?? '';
      j += 2;
    } else {
      delimiter += char;
      j++;
    }
  }
  return delimiter === '' ? undefined : { delimiter, stripTabs, end: j };
}

/** Where the script goes on after the bodies of the here-documents that start at `from`, one after the other. */
function skipHeredocBodies(text: string, from: number, heredocs: { delimiter: string; stripTabs: boolean }[]): number {
  let lineStart = from;
  for (const { delimiter, stripTabs } of heredocs) {
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      let line = text.slice(lineStart, lineEnd);
      if (stripTabs) line = line.replace(/^\t+/, '');
      lineStart = lineEnd + 1;
      if (line === delimiter) break;
    }
  }
  return Math.min(lineStart, text.length);
}
