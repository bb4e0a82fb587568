import type { Writable } from 'node:stream';

/**
 * Writes to standard output or error and resolves once the stream can take more, so that a long report waits for a
 * slow reader instead of piling up in memory. When the reader has gone (`fim-lint … | head`), the rest is dropped
 * quietly and the run ends with its own exit code. Any other failure (a full disk) drops the rest too, but says so on
 * standard error and ends the run with exit code 2.
 */
export function streamWriter(stream: Writable): (text: string) => Promise<void> {
  let failed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failed = true;
    if (error.code === 'EPIPE') return;
    process.exitCode = 2;
    if (stream !== process.stderr) process.stderr.write(`fim-lint: cannot write the report: ${error.message}\n`);
  });
  return async (text) => {
    if (failed || stream.write(text)) return;
    await new Promise<void>((resume) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        resume();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
  };
}
