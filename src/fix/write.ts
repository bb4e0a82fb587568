import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class StaleFileError extends Error {}

/**
 * Replaces a file's content atomically: the bytes go to a temporary file in the same directory, which then takes the
 * file's place by rename, with the file's mode (a new file gets the usual mode). A symbolic link is followed, so the link stays and its target changes.
 * With `expected`, the file is left alone when its bytes changed since they were read.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, expected?: Uint8Array): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const mode = await stat(target).then((info) => info.mode & 0o7777, () => undefined);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The mode passed to open is reduced by the umask; chmod restores an existing file's mode exactly.
    if (mode !== undefined) await chmod(temporary, mode);
    if (expected && !sameBytes(await readFile(target), expected)) throw new StaleFileError(`${path} changed while it was being fixed; it was left as it is`);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
