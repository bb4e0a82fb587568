import { lstatSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackChild } from '../core/child-processes.js';
import { isOwnedByUs } from '../files/owner.js';

const PREFIX = 'fim-lint-shellcheck-';
/** A folder's name tells the process that made it: `fim-lint-shellcheck-<pid>-XXXXXX`. */
const LEFT_BEHIND = /^fim-lint-shellcheck-(\d+)-[^/]+$/;
/** A folder is used for one ShellCheck batch, whose time limit is seconds: one this old is no run's any more. */
const LEFT_BEHIND_AFTER_MS = 60 * 60 * 1000;

/** Scripts written for ShellCheck to read: a folder of their own, removed with `remove`. */
export interface ScratchScripts {
  directory: string;
  files: string[];
  remove(): void;
}

/**
 * Where scripts go, best first. On Linux without `TMPDIR`, memory (`/dev/shm`) comes before the temp folder: a cold run
 * writes and removes a file per script, and on a disk file system (ext4 `/tmp`, as on Ubuntu, Debian 12 and GitHub's
 * runners) that cost a corpus run about 1.2 s more system time than in memory. A `TMPDIR` is the user's choice and is
 * kept.
 */
export function scratchRoots(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const memory = platform === 'linux' && !environment.TMPDIR && isSharedSafely('/dev/shm') ? ['/dev/shm'] : [];
  return [...memory, tmpdir()];
}

/**
 * A folder that exists, owned by root or by us, in which others cannot rename or remove our folders: sticky, or writable
 * by its owner only.
 */
function isSharedSafely(path: string): boolean {
  try {
    const stats = statSync(path);
    return stats.isDirectory() && (stats.uid === 0 || isOwnedByUs(stats)) && ((stats.mode & 0o1000) !== 0 || (stats.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

/** Roots that refused a write (full, read-only): not tried again by this thread. */
const refused = new Set<string>();
/** This thread's `scratchRoots`, looked up at its first batch rather than at every one. */
let defaultRoots: string[] | undefined;

/**
 * Writes each script to a file of its own in a new folder under the first root that takes them all, named `0.sh`, `1.sh`,
 * … in order (as the launcher reads them); throws when none does. The folder is created and registered for removal in one synchronous step (a signal between the two would leave
 * it behind), and the main thread keeps a record too, for a worker thread that is stopped before it removes it.
 * The files are written one after the other on this thread: spread over the thread pool, the writes contend for the
 * folder's lock and cost twice the CPU time, while a batch of 200 scripts takes a few milliseconds.
 */
export function writeScratchScripts(scripts: readonly string[], roots: readonly string[] = (defaultRoots ??= scratchRoots())): ScratchScripts {
  const usable = roots.filter((root) => !refused.has(root));
  let failure: unknown = new Error('there is no folder to write the scripts for ShellCheck in');
  for (const root of usable) {
    let scratch: ScratchScripts | undefined;
    try {
      scratch = newScratch(root);
      for (const script of scripts) {
        const file = join(scratch.directory, `${scratch.files.length}.sh`);
        writeFileSync(file, script);
        scratch.files.push(file);
      }
      return scratch;
    } catch (error) {
      scratch?.remove();
      failure = error;
      // The last root, the temp folder, is always tried again.
      if (root !== usable.at(-1)) refused.add(root);
    }
  }
  throw failure;
}

function newScratch(root: string): ScratchScripts {
  if (!swept.has(root)) {
    swept.add(root);
    removeLeftBehind(root);
  }
  const directory = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
  const forget = trackChild({ directory });
  return {
    directory,
    files: [],
    remove() {
      rmSync(directory, { recursive: true, force: true });
      forget();
    },
  };
}

/** Roots this thread has looked for folders left behind in. */
const swept = new Set<string>();

/**
 * Removes the folders of runs that were killed before they could remove them (SIGKILL, an out-of-memory kill): in
 * `/dev/shm` their scripts would hold memory until the machine restarts. A folder goes only when it is ours, an hour
 * old, and the process named in it is gone (a run in another PID namespace that shares the root may have a number this
 * one does not see, hence the age too).
 */
export function removeLeftBehind(root: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = LEFT_BEHIND.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    const path = join(root, name);
    try {
      const stats = lstatSync(path);
      if (stats.isDirectory() && isOwnedByUs(stats) && now - stats.mtimeMs > LEFT_BEHIND_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile, or not ours to remove.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that number.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
