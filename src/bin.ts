#!/usr/bin/env node
import { main, readStdinSync } from './cli/main.js';

const exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: readStdinSync,
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = exitCode;
