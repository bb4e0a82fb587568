import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Every command-line option, with the text `--help` shows for it. */
export const OPTIONS = {
  format: { type: 'string', short: 'f', value: 'name', help: 'Output format: stylish (default) or json' },
  'stdin-filename': { type: 'string', value: 'path', help: 'The file name to report for the recipe read from standard input (`-`)' },
  color: { type: 'boolean', help: 'Force coloured output' },
  'no-color': { type: 'boolean', help: 'Disable coloured output' },
  shellcheck: { type: 'string', value: 'path', help: 'The ShellCheck executable (default: shellcheck on PATH)' },
  'no-shellcheck': { type: 'boolean', help: 'Do not run ShellCheck on the embedded scripts' },
  cache: { type: 'boolean', help: 'Cache ShellCheck results between runs' },
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

export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, option]) => {
    const flag = `${'short' in option ? `-${option.short}, ` : '    '}--${name}${'value' in option ? ` <${option.value}>` : ''}`;
    return `  ${flag.padEnd(34)} ${option.help}`;
  });
  return [
    'Usage: fim-lint [options] [paths...]',
    '',
    'Lints SBUILD recipes. Directories are walked for *.yaml, *.yml, *.SBUILD and *.sbuild files;',
    '`-` reads a recipe from standard input. With no paths, the current directory is linted.',
    '',
    'Options:',
    ...rows,
    '',
    'Exit codes: 0 no errors, 1 errors found, 2 usage error, unreadable path or internal failure.',
    '',
  ].join('\n');
}
