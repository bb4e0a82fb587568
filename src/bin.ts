#!/usr/bin/env node
import { main, readStdin } from './cli/main.js';
import { streamWriter } from './cli/stream-writer.js';

if (process.argv.slice(2).includes('--lsp')) {
  // The language server's own bundle, beside this one: a lint run does not load its code.
  const languageServer = './language-server.js';
  await import(languageServer);
} else {
  const exitCode = await main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: streamWriter(process.stdout),
    stderr: streamWriter(process.stderr),
    readStdin: () => readStdin(),
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
  });
  // A failed write may already have set exit code 2.
  process.exitCode ??= exitCode;
}
