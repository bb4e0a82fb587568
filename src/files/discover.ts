import { lstatSync, readdirSync, realpathSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { statStamp } from './stamp.js';

/** File names a directory walk picks up. */
const RECIPE_NAME = /\.(ya?ml|sbuild)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export interface Target {
  /** The path as shown in reports. */
  path: string;
  /** Named on the command line (always linted) rather than found by walking (linted when it looks like a recipe). */
  explicit: boolean;
  /** With `stamps`: the file's `statStamp` as discovery found it, before anything read the file. */
  stamp?: string | undefined;
}

export interface DiscoveryProblem {
  path: string;
  message: string;
}

/**
 * Expands the command-line paths into the files to lint, in a stable order. Directories are walked for recipe file
 * names, skipping dot-directories, `node_modules`, anything that is not a regular file, and directories already
 * walked (so symlink loops end).
 */
export function* discoverTargets(paths: readonly string[], problems: DiscoveryProblem[], { stamps = false } = {}): Generator<Target> {
  // A file named twice (`r.yaml ./r.yaml`, by a link, or by name and by its folder) is linted once: twice, it would
  // share a pkg_id with itself. Its device and inode tell it apart at the cost of a stat, which is cheaper than a realpath.
  const seen = new Set<string>();
  for (const { target, identity } of namedTargets(paths, problems, stamps)) {
    if (identity !== undefined) {
      if (seen.has(identity)) continue;
      seen.add(identity);
    }
    yield target;
  }
}

/** The device and inode of a file, exact even where inode numbers pass 2^53. */
function fileIdentity(stats: BigIntStats | undefined): string | undefined {
  return stats && `${stats.dev}:${stats.ino}`;
}

function* namedTargets(paths: readonly string[], problems: DiscoveryProblem[], stamps: boolean): Generator<{ target: Target; identity: string | undefined }> {
  // Only then: a third field on every target of a walk of 30,000 files kept 12 MB more at the peak.
  const withStamp = (target: Target, stats: BigIntStats | undefined): Target => (stamps && stats ? { ...target, stamp: statStamp(stats) } : target);
  const folders = new RealFolders();
  const cwd = process.cwd();
  let workingDirectory: string | undefined;
  for (const path of paths) {
    let info;
    const absolute = resolve(path);
    // A name inside the working directory, which a repository controls (a changed file's, a folder's), may be a link
    // to anything on the machine; a path that leaves it by name (`../shared/…`) is the user's choice.
    const named = !isOutside(relative(cwd, absolute));
    let real: string | undefined;
    try {
      const own = lstatSync(path, { bigint: true });
      info = own.isSymbolicLink() ? statSync(path, { bigint: true }) : own;
      if (own.isSymbolicLink()) real = realpathSync.native(path);
      else if (named) real = join(folders.of(dirname(absolute)), basename(absolute));
    } catch (error) {
      problems.push({ path, message: `cannot read ${path}: ${describeFsError(error)}` });
      continue;
    }
    workingDirectory ??= folders.of(cwd);
    if (named && real !== undefined && real !== absolute && isOutside(relative(workingDirectory, real))) {
      problems.push({ path, message: `${path} is a symbolic link to ${real}, outside the working directory, and is not read: name that path itself to lint it` });
      continue;
    }
    if (info.isDirectory()) {
      const root = real ?? realpathSync.native(path);
      for (const target of walk(path, root, { root, visited: new Set([root]) }, problems)) {
        const stats = statSync(target.path, { bigint: true, throwIfNoEntry: false });
        yield { target: withStamp(target, stats), identity: fileIdentity(stats) };
      }
    } else if (info.isFile()) {
      yield { target: withStamp({ path, explicit: true }, info), identity: fileIdentity(info) };
    } else {
      // Reading a FIFO or a device could block forever or never end.
      problems.push({ path, message: `${path} is not a regular file` });
    }
  }
}

/** Real paths of folders, one path segment at a time with a memo: an lstat per folder rather than a realpath per file. */
class RealFolders {
  readonly #known = new Map<string, string>();

  of(directory: string): string {
    let real = this.#known.get(directory);
    if (real === undefined) {
      const parent = dirname(directory);
      if (parent === directory) real = directory;
      else real = lstatSync(directory).isSymbolicLink() ? realpathSync.native(directory) : join(this.of(parent), basename(directory));
      this.#known.set(directory, real);
    }
    return real;
  }
}

/**
 * Walks a directory tree. `real` is the directory's real path: a plain subdirectory's real path follows from its
 * parent's, so only symbolic links need a `realpath` call. Sync calls keep a walk of thousands of folders fast. A link
 * is followed only to what lies inside `root`, the real path of the folder the walk started from: a repository can
 * hold a link to `/`, whose walk would read the whole machine (and report its files).
 */
function* walk(directory: string, real: string, walked: { root: string; visited: Set<string> }, problems: DiscoveryProblem[]): Generator<Target> {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: directory, message: `cannot read directory ${directory}: ${describeFsError(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (isUndecodedName(entry.name, path)) {
      const wanted = entry.isDirectory() ? !entry.name.startsWith('.') : RECIPE_NAME.test(entry.name);
      if (wanted) problems.push({ path, message: `cannot read ${path}: its name is not valid UTF-8 (shown here with U+FFFD for the bytes that are not): rename it to lint it` });
      continue;
    }
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let entryReal = join(real, entry.name);
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        entryReal = realpathSync(path);
      } catch {
        continue; // a dangling link names nothing to lint
      }
      if (isOutside(relative(walked.root, entryReal))) continue;
    }
    if (isDirectory) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name) || walked.visited.has(entryReal)) continue;
      walked.visited.add(entryReal);
      yield* walk(path, entryReal, walked, problems);
    } else if (isFile && RECIPE_NAME.test(entry.name)) {
      yield { path, explicit: false };
    }
  }
}

/**
 * Node decodes file names as UTF-8, a byte that is not as U+FFFD: such a name no longer names the file. A name that
 * really holds U+FFFD still does.
 */
function isUndecodedName(name: string, path: string): boolean {
  return name.includes('\uFFFD') && lstatSync(path, { throwIfNoEntry: false }) === undefined;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return shown === '' || isOutside(shown) ? path : shown;
}

/** Whether a `relative()` result leaves its base: `..` or `../x`, but not a name such as `..x.yaml`. */
export function isOutside(relativePath: string): boolean {
  return relativePath === '..' || relativePath.startsWith(`..${sep}`) || relativePath.startsWith('../') || isAbsolute(relativePath);
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a parent of this path is a file, not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the file name is too long',
  EIO: 'input/output error while reading',
  EISDIR: 'it is a directory',
};

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code && FS_ERRORS[code];
  if (known) return known;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** A walked file is linted only when it plainly is a recipe: a `#!/SBUILD` first line, or a top-level `pkg` or `x_exec`. */
export function looksLikeRecipe(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.startsWith('#!/SBUILD', start) || /^(pkg|x_exec)\s*:/m.test(text);
}
