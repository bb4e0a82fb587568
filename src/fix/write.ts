import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { chmod, lstat, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onTerminate } from '../core/terminate.js';

export class StaleFileError extends Error {}

/** The path is a symbolic link or not a regular file: fim-lint never writes through a link nor onto a device. */
export class NotARegularFileError extends Error {}

/**
 * Replaces a file's content atomically: the bytes go to a new temporary file in the same directory, which then takes
 * the file's place by rename, with the file's mode (a new file gets the usual mode). A symbolic link is never followed
 * nor replaced: the write is refused. The temporary file is removed on failure, and on SIGINT or SIGTERM.
 * With `expected`, the file is left alone when its bytes changed since they were read.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, expected?: Uint8Array): Promise<void> {
  await writeAtomically(path, async (handle) => void (await handle.writeFile(bytes)), expected);
}

/** `writeFileAtomic` for text made in pieces, written one after the other. */
export async function writePiecesAtomic(path: string, pieces: Iterable<string>): Promise<void> {
  await writeAtomically(path, async (handle) => {
    for (const piece of pieces) await handle.write(piece);
  });
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function writeAtomically(path: string, write: (handle: FileHandle) => Promise<void>, expected?: Uint8Array): Promise<void> {
  const mode = await regularFileMode(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // 'wx' is O_CREAT | O_EXCL: it never opens an existing file, nor follows a link planted under the temporary name.
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  const forget = onTerminate(() => unlinkSync(temporary));
  try {
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The mode passed to open is reduced by the umask; chmod restores an existing file's mode exactly.
    if (mode !== undefined) await chmod(temporary, mode);
    if (expected && !sameBytes(await readFile(path), expected)) throw new StaleFileError(`${path} changed while it was being fixed; it was left as it is`);
    // A rename replaces the directory entry itself: a link put in the file's place meanwhile is replaced, never followed.
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  } finally {
    forget();
  }
}

/** The permission bits of the regular file at `path`, or undefined when there is none; throws for anything else. */
async function regularFileMode(path: string): Promise<number | undefined> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info === undefined) return undefined;
  if (info.isSymbolicLink()) throw new NotARegularFileError('it is a symbolic link, and fim-lint never writes through a link');
  if (!info.isFile()) throw new NotARegularFileError('it is not a regular file');
  return info.mode & 0o7777;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
