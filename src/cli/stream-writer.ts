import type { Writable } from 'node:stream';

/**
 * Writes to standard output or error and resolves once the stream can take more, so that a long report waits for a
 * slow reader instead of piling up in memory. When the reader has gone (`fim-lint … | head`), the rest is dropped
 * quietly, as it is for any other error of the stream: the run still ends with its own exit code.
 */
export function streamWriter(stream: Writable): (text: string) => Promise<void> {
  let failed = false;
  stream.on('error', () => {
    failed = true;
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
