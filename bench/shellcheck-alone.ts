import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { shellcheckArgs, type ShellCheckBatch } from './shellcheck-batches.js';

/**
 * ShellCheck alone: runs the batches of a JSON file (see shellcheck-batches.ts), as many ShellCheck processes at once
 * as there are cores, as fim-lint runs them. No fim-lint run with ShellCheck can take less.
 */
const batches = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ShellCheckBatch[];
const check = (batch: ShellCheckBatch) =>
  new Promise<void>((resolve) => execFile('shellcheck', shellcheckArgs(batch), { maxBuffer: 256 * 1024 * 1024 }, () => resolve()));
const worker = async () => {
  for (let next = batches.shift(); next; next = batches.shift()) await check(next);
};
await Promise.all(Array.from({ length: availableParallelism() }, worker));
