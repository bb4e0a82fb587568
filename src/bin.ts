#!/usr/bin/env node
import { main, readStdinSync } from './cli/main.js';
import { streamWriter } from './cli/stream-writer.js';

const exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: streamWriter(process.stdout),
  stderr: streamWriter(process.stderr),
  readStdin: readStdinSync,
  isTTY: Boolean(process.stdout.isTTY),
});
// A failed write may already have set exit code 2.
process.exitCode ??= exitCode;
