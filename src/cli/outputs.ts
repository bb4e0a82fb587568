import { mkdir, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { describe } from '../core/lint.js';
import { linkOnTheWay } from '../files/links.js';
import { writePiecesAtomic } from '../fix/write.js';
import { reporters } from '../reporters/index.js';
import type { Reporter } from '../reporters/reporter.js';
import { UsageError } from './options.js';

/** One report of a run: a format and where it goes (standard output when `file` is undefined). */
export interface Output {
  format: string;
  reporter: Reporter;
  file: string | undefined;
}

/**
 * The reports a command line asks for: `--format name[=file]` (repeatable) and `--output-file` for the format given
 * without a file. With no `--format`, `github` under GitHub Actions and `stylish` elsewhere.
 */
export async function planOutputs(formats: readonly string[] | undefined, outputFile: string | undefined, env: NodeJS.ProcessEnv): Promise<Output[]> {
  const specs = formats?.length ? formats : [env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish'];
  const outputs = specs.map((spec) => {
    const separator = spec.indexOf('=');
    const format = separator === -1 ? spec : spec.slice(0, separator);
    const file = separator === -1 ? undefined : spec.slice(separator + 1);
    const loadReporter = Object.hasOwn(reporters, format) ? reporters[format] : undefined;
    if (!loadReporter) throw new UsageError(`unknown format '${format}': expected one of ${Object.keys(reporters).join(', ')}`);
    if (file === '') throw new UsageError(`--format ${format}= needs a file name after '='`);
    return { format, loadReporter, file };
  });
  const toStdout = outputs.filter((output) => output.file === undefined);
  if (outputFile !== undefined) {
    if (toStdout.length !== 1) throw new UsageError('--output-file needs exactly one --format without `=file`');
    toStdout[0]!.file = outputFile;
  } else if (toStdout.length > 1) {
    throw new UsageError(`only one format can write to standard output; give the others a file: --format ${toStdout[1]!.format}=<file>`);
  }
  return Promise.all(outputs.map(async ({ format, loadReporter, file }): Promise<Output> => ({ format, reporter: await loadReporter(), file })));
}

/** About 64 KiB: a report is written in pieces this long, not in one system call per file of the run. */
const PIECE_LENGTH = 65_536;

/** A report in pieces to write one after the other; a reporter's many small ones are joined up to `PIECE_LENGTH`. */
export function* inPieces(report: string | Iterable<string>): Generator<string> {
  if (typeof report === 'string') {
    yield report;
    return;
  }
  let piece = '';
  for (const part of report) {
    piece += part;
    if (piece.length >= PIECE_LENGTH) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/**
 * Writes a report file as a whole, by rename, so that a failed run never leaves half a report. A symbolic link is
 * never followed nor replaced, neither as the file nor as a folder on the way to it inside the working directory (a
 * repository could hold a link named like the report). Devices (`/dev/stdout`, `/dev/null`) are written as they are.
 */
export async function writeOutput(cwd: string, file: string, report: string | Iterable<string>): Promise<void> {
  const path = resolve(cwd, file);
  if (path.startsWith('/dev/')) return writeToDevice(path, report);
  const link = await linkOnTheWay(path, [cwd], cwd);
  if (link !== undefined) throw new ReportFileError(`cannot write the report ${file}: ${link === path ? file : link} is a symbolic link, and fim-lint never writes through a link`);
  await mkdir(dirname(path), { recursive: true });
  try {
    await writePiecesAtomic(path, inPieces(report));
  } catch (error) {
    throw new ReportFileError(`cannot write the report ${file}: ${describe(error)}`);
  }
}

/** A report file that cannot be written: a problem of the run, not an internal error. */
export class ReportFileError extends Error {}

async function writeToDevice(path: string, report: string | Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const piece of inPieces(report)) await handle.write(piece);
  } finally {
    await handle.close();
  }
}
