import type { ScriptField } from '../recipe/scripts.js';
import type { ShellCheckComment } from './runner.js';

/**
 * ShellCheck codes that are noise in SBUILD scripts whatever their context, with the reason. They are the default of
 * `shellcheck.exclude`; a configuration that sets `exclude` replaces the list.
 */
export const NOISE_CODES: readonly { code: string; reason: string }[] = [
  { code: 'SC1091', reason: 'a recipe cannot make the files it `source`s available to ShellCheck, so "not following" says nothing about the script' },
  {
    code: 'SC2016',
    reason:
      'recipes write single-quoted `$` on purpose: jq and awk programs, and shell lines written into generated scripts and config files (`echo \'X="${X:=1}"\' >> Run.rcfg`)',
  },
  { code: 'SC2129', reason: 'a style preference (`{ a; b; } >> file` over several `>>`); both forms behave the same' },
];

export const DEFAULT_EXCLUDE: string[] = NOISE_CODES.map(({ code }) => code);

/** What a finding is about: its script, the text it spans and the text after it. */
export interface FindingContext {
  field: ScriptField;
  /** The script text the finding spans. */
  flagged: string;
  /** The script text after the finding, to its end. */
  after: string;
  /** The line of the script the finding starts on. */
  line: string;
  /** Variables the builder guarantees to hold no white space nor glob characters, in this script at this target. */
  cleanVariables: ReadonlySet<string>;
}

/**
 * Findings that are noise only in their context, each with the reason (documented in docs/rules/shell/shellcheck.md).
 * `shellcheck.noiseFilters: false` keeps them.
 */
export const NOISE_FILTERS: readonly { code: number; reason: string; applies(finding: FindingContext): boolean }[] = [
  {
    code: 2164,
    reason:
      'the builder runs scripts without `set -e`, so a script goes on after a failed `cd`: that is real in the middle of a script, but the last command\'s status is already the script\'s (the final `popd` of the common pkgver template)',
    applies: ({ after }) => isLastCommand(after),
  },
  {
    code: 2086,
    reason: 'the builder strips white space from these variables and keeps them free of glob characters (PKG, SBUILD_PKG, PKG_TYPE, ARCH, ARCH_ALT, a written PKG_ID), so they cannot split',
    applies: ({ flagged, cleanVariables }) => {
      const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(flagged)?.[1];
      return name !== undefined && cleanVariables.has(name);
    },
  },
  {
    code: 2015,
    reason:
      '`a && { b; c; } || break` (or continue, exit, return) leaves the loop when any step fails, which is what the idiom is for; ShellCheck warns because `||` also runs when `b` fails',
    applies: ({ flagged, after }) => flagged === '&&' && BRACE_THEN_LEAVE.test(after),
  },
  {
    code: 2101,
    reason: "`tr` takes a named class such as `'[:space:]'` without outer brackets; the warning is meant for globs and regular expressions",
    applies: ({ flagged, line }) => /^['"]?\[:[a-z]+:\]['"]?$/.test(flagged) && /\btr\s+(?:-[a-zA-Z]+\s+)*\S*\[:[a-z]+:\]/.test(line),
  },
  {
    code: 2227,
    reason: '`find … -exec cmd {} 2>/dev/null \\;` silences find and every cmd it runs, which is what the author wanted',
    applies: ({ flagged }) => /^\d?>>?\s*\/dev\/null$/.test(flagged.trim()),
  },
  {
    code: 2046,
    reason:
      'a `$(…)` of `mktemp` without a template, `nproc`, `uname -m` (or `-s`, `-r`, `-p`) or `id -u` (or `-g`) prints one word without white space or glob characters (the builder sets no TMPDIR), so it cannot split',
    applies: ({ flagged }) => ONE_WORD_SUBSTITUTION.test(flagged),
  },
  {
    code: 2038,
    reason:
      '`find … | xargs -I {} …` hands xargs one whole line per command: blanks inside a file name no longer split it, which is what the warning is about',
    applies: ({ after }) => XARGS_BY_LINE.test(after),
  },
];

/** A command substitution whose output is one word: `$(mktemp -d)`, `$(nproc)`, `$(uname -m)`, `$(id -u)`. */
const ONE_WORD_SUBSTITUTION = /^\$\(\s*(?:mktemp(?:\s+-[dqu]+)*|nproc|uname\s+-[msrp]|id\s+-[ug])\s*\)$/;

/** `| xargs … -I …` right after the `find` ShellCheck points at: xargs reads its input line by line. */
const XARGS_BY_LINE = /^\s*\|\s*xargs\s+(?:[^|;&\n]*\s)?-I/;

/** ` { …; } || break` after the `&&` ShellCheck points at. */
const BRACE_THEN_LEAVE = /^\s*\{[\s\S]*?[;\n]\s*\}\s*\|\|\s*(?:break|continue|exit|return)\b/;

/**
 * Whether nothing but redirections, `;`, `&`, white space and comments follows a command: it is the script's last, so
 * its status is the script's status.
 */
export function isLastCommand(after: string): boolean {
  const rest = after
    .replace(/#[^\n]*/g, '')
    .replace(/(?:\d*|&)>>?&?\s*(?:"[^"]*"|'[^']*'|[^\s;&|]+)/g, '')
    .replace(/\d*<\s*(?:"[^"]*"|'[^']*'|[^\s;&|]+)/g, '');
  return /^[\s;]*$/.test(rest);
}

export function isNoise(comment: ShellCheckComment, finding: FindingContext): boolean {
  return NOISE_FILTERS.some((filter) => filter.code === comment.code && filter.applies(finding));
}
