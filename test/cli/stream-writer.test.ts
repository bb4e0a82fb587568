import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { streamWriter } from '../../src/cli/stream-writer.js';
import { bin, tempTree } from '../hostile/cli.js';

/** A stream that takes 16 bytes before it asks writers to wait, and hands each chunk on after a few milliseconds. */
function slowStream(received: string[]): Writable {
  return new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      setTimeout(() => {
        received.push(chunk.toString());
        done();
      }, 5);
    },
  });
}

describe('streamWriter', () => {
  it('resolves once a slow stream has taken the text, and keeps the order', async () => {
    const received: string[] = [];
    const stream = slowStream(received);
    const write = streamWriter(stream);
    await write('a'.repeat(100));
    expect(stream.writableLength).toBe(0);
    await write('b');
    await write('c'.repeat(50));
    expect(received.join('')).toBe(`${'a'.repeat(100)}b${'c'.repeat(50)}`);
  });

  const failing = (code: string) =>
    new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error(`write ${code}`), { code }));
      },
    });

  it('drops the rest quietly once the reader has gone (EPIPE)', async () => {
    const write = streamWriter(failing('EPIPE'));
    await write('first');
    await expect(write('x'.repeat(100_000))).resolves.toBeUndefined();
    expect(process.exitCode).toBeUndefined();
  });

  it('drops the rest of the report after any other failure too, but ends the run with exit code 2', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const write = streamWriter(failing('ENOSPC'));
      await write('first');
      await expect(write('x'.repeat(100_000))).resolves.toBeUndefined();
      expect(process.exitCode).toBe(2);
      expect(stderr).toHaveBeenCalledWith('fim-lint: cannot write the report: write ENOSPC\n');
    } finally {
      process.exitCode = undefined;
      stderr.mockRestore();
    }
  });
});

describe('a reader that goes away before the report ends (fim-lint … | head)', () => {
  // About 300 KB of JSON: far more than a pipe holds.
  const recipe = (index: number) => `#!/SBUILD\npkg: "p${index}"\npkg: "again"\ndescription: "x"\n`;
  const directory = tempTree(Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`r${index}.yaml`, recipe(index)])));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('ends the run with its exit code and no stack trace', async () => {
    const child = spawn(process.execPath, [bin, '--format', 'json', '--no-shellcheck', directory], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
