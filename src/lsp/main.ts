import { packageVersion } from '../cli/version.js';
import { startLanguageServer } from './server.js';

/**
 * `fim-lint-language-server` (or `fim-lint --lsp`): a language server on standard input and output. Editors may pass
 * `--stdio`, which is what it does anyway.
 */
export function runLanguageServer(argv: readonly string[]): void {
  if (argv.includes('--version')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (argv.includes('--help')) {
    process.stdout.write('Usage: fim-lint-language-server [--stdio]\n\nA language server for SBUILD recipes on standard input and output; see docs/editors.md.\n');
    return;
  }
  // Standard output carries the protocol: anything else written there would break it.
  console.log = console.info = console.warn = console.error;
  startLanguageServer(process.stdin, process.stdout);
}
