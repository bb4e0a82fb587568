import { COLUMN_UNITS, type ColumnUnit } from '../reporters/columns.js';
import { wrap } from '../text/width.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Every command-line option, with the text `--help` shows for it. */
export const OPTIONS = {
  format: {
    type: 'string',
    short: 'f',
    multiple: true,
    value: 'name[=file]',
    help: 'Output format: stylish (default; github when GITHUB_ACTIONS=true), json, sarif, github, gcc, checkstyle, junit; repeat it for several, `=file` writes one to a file',
  },
  'output-file': { type: 'string', short: 'o', value: 'file', help: 'Write the output of the format given without `=file` to this file' },
  'column-unit': {
    type: 'string',
    value: 'byte|utf-16|display',
    help: 'What the columns of the gcc format count: UTF-8 bytes (default; Vim, Emacs), UTF-16 code units (VS Code) or terminal cells (gcc, Vim %v)',
  },
  'code-frame': { type: 'boolean', help: 'Show the offending lines under each problem (stylish)' },
  quiet: { type: 'boolean', short: 'q', help: 'Report errors only' },
  'max-warnings': { type: 'string', value: 'n', help: 'Exit 1 when there are more than n warnings' },
  config: { type: 'string', short: 'c', value: 'file', help: 'Use this configuration file for every file instead of looking for .fim-lint.yaml' },
  rule: { type: 'string', multiple: true, value: 'id=level', help: 'Set a rule to off, info, warn or error, over every configuration file (repeatable)' },
  'report-unused-disable-directives': { type: 'boolean', help: 'Report fim-lint-disable comments that suppress nothing, as errors' },
  'skip-non-recipes': { type: 'boolean', help: 'Skip named files that are plainly not recipes, as walked files are (for hooks)' },
  'cross-file-context': { type: 'string', multiple: true, value: 'dir', help: 'Also compare with the recipes under dir in checks across files (duplicate pkg_id)' },
  'print-config': { type: 'string', value: 'file', help: 'Print the configuration that applies to a file, as JSON, and exit' },
  'list-rules': { type: 'boolean', help: 'List every rule with its default severity and documentation, and exit' },
  'stdin-filename': { type: 'string', value: 'path', help: 'The file name to report for the recipe read from standard input (`-`)' },
  concurrency: { type: 'string', value: 'n|auto|off', help: 'Worker threads: auto (default: one per core for large runs), off, or a number' },
  timeout: { type: 'string', value: 'seconds', help: 'Per-file time limit (default 30), --fix included; a file over it gets engine/timeout' },
  fix: { type: 'boolean', help: 'Apply the safe fixes to the files, then report what is left' },
  'fix-dry-run': { type: 'boolean', help: 'Print the fixes as a unified diff (the report goes to stderr); change nothing' },
  'unsafe-fixes': {
    type: 'boolean',
    help: 'With --fix, --fix-dry-run or --emit-validated: also apply the unsafe fixes (key renames, ShellCheck rewrites: they may change what is built)',
  },
  'emit-validated': { type: 'boolean', help: 'Write <file>.validated, the normalised recipe, next to each recipe without errors' },
  lsp: { type: 'boolean', help: 'Run the language server on standard input and output (as fim-lint-language-server does)' },
  color: { type: 'boolean', help: 'Force coloured output' },
  'no-color': { type: 'boolean', help: 'Disable coloured output' },
  target: {
    type: 'string',
    value: 'release',
    help: 'The builder release the recipes are written for, as YYYY-MM from 2025-11 to 2026-06 (default: 2026-06, the final one)',
  },
  shellcheck: { type: 'string', value: 'path', help: 'The ShellCheck executable (default: $FIM_LINT_SHELLCHECK, else shellcheck on PATH)' },
  'shellcheck-timeout': { type: 'string', value: 'seconds', help: 'Time limit of one ShellCheck process (default 20); a script over it gets a shell/shellcheck error' },
  'shellcheck-memory': { type: 'string', value: 'MB', help: 'Memory limit of one ShellCheck process (default 2048); a script over it gets a shell/shellcheck error' },
  'no-shellcheck': { type: 'boolean', help: 'Do not run ShellCheck on the embedded scripts' },
  cache: { type: 'boolean', help: 'Keep results between runs: an unchanged file is not linted again' },
  'cache-location': { type: 'string', value: 'dir', help: 'The cache directory (default: .fim-lint-cache)' },
  debug: { type: 'boolean', help: 'Print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
  version: { type: 'boolean', short: 'v', help: 'Show the version' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; value?: string; help: string }>;

export type CliValues = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string;
};

export class UsageError extends Error {}

export function parseCommandLine(argv: readonly string[]): { values: CliValues; paths: string[] } {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, option] of Object.entries(OPTIONS)) {
    const spec: { type: 'string' | 'boolean'; short?: string; multiple?: boolean } = { type: option.type };
    if ('short' in option) spec.short = option.short;
    if ('multiple' in option) spec.multiple = option.multiple as boolean;
    options[name] = spec;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as CliValues, paths: positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error));
  }
}

/** `--column-unit`: byte (the default), utf-16 or display. */
export function parseColumnUnit(value: string | undefined): ColumnUnit {
  if (value === undefined) return 'byte';
  if ((COLUMN_UNITS as readonly string[]).includes(value)) return value as ColumnUnit;
  throw new UsageError(`invalid --column-unit '${value}': expected ${COLUMN_UNITS.join(', ')}`);
}

/** `--concurrency`: `auto`, `off` or a whole number of worker threads. */
export function parseConcurrency(value: string | undefined): number | 'auto' | 'off' {
  if (value === undefined || value === 'auto' || value === 'off') return value ?? 'auto';
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`invalid --concurrency '${value}': expected a number, auto or off`);
}

/** `--timeout` and the like: a positive number (of seconds, of megabytes). */
export function parseTimeout(value: string | undefined, option = '--timeout', unit = 'seconds'): number | undefined {
  if (value === undefined) return undefined;
  const amount = Number(value);
  if (value.trim() === '' || !Number.isFinite(amount) || amount <= 0) throw new UsageError(`invalid ${option} '${value}': expected a positive number of ${unit}`);
  return amount;
}

const HELP_WIDTH = 80;
const FLAG_COLUMN = 30;

/** The `--help` text, wrapped to fit 80 columns. */
export function helpText(): string {
  const descriptionIndent = ' '.repeat(FLAG_COLUMN + 3);
  const rows = Object.entries(OPTIONS).flatMap(([name, option]) => {
    const flag = `  ${'short' in option ? `-${option.short}, ` : '    '}--${name}${'value' in option ? ` <${option.value}>` : ''}`;
    const [first, ...rest] = wrap(option.help, HELP_WIDTH - descriptionIndent.length);
    const head = flag.length < FLAG_COLUMN + 2 ? [`${flag.padEnd(FLAG_COLUMN + 2)} ${first}`] : [flag, descriptionIndent + first];
    return [...head, ...rest.map((line) => descriptionIndent + line)];
  });
  const paragraph = (text: string) => wrap(text, HELP_WIDTH);
  return [
    'Usage: fim-lint [options] [paths...]',
    '',
    ...paragraph(
      'Lints SBUILD recipes. Directories are walked for *.yaml, *.yml, *.SBUILD and *.sbuild files; `-` reads a recipe from standard input. With no paths, the current directory is linted.',
    ),
    '',
    'Options:',
    ...rows,
    '',
    ...paragraph('Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or configuration error, unreadable path or internal failure.'),
    '',
  ].join('\n');
}
