/** The file that reads as nothing: copied or printed over a file (`cp /dev/null FILE`), it empties it. */
export const EMPTY_FILE = '/dev/null';

/**
 * `directory/path` with `.` and `..` worked out, or undefined when `..` leaves what is known. `${SBUILD_TMPDIR}` is
 * `${SBUILD_OUTDIR}/SBUILD_TEMP` (builder-truth §3.1), so `..` from it is the output directory.
 */
export function joinPath(directory: string, path: string): string | undefined {
  const segments: string[] = [];
  for (const segment of `${directory}/${path}`.split('/')) {
    if (segment === '.' || (segment === '' && segments.length > 0)) continue;
    if (segment !== '..') segments.push(segment);
    else if (segments[segments.length - 1] === '${SBUILD_TMPDIR}') segments[segments.length - 1] = '${SBUILD_OUTDIR}';
    else if (segments.length > 1 || (segments.length === 1 && !segments[0]!.startsWith('${') && segments[0] !== '')) segments.pop();
    else return undefined;
  }
  return segments.length === 1 && segments[0] === '' ? '/' : segments.join('/');
}

/**
 * The builder's variables that hold a file name, never a directory (builder-truth §2.1): `${PKG}` and `${PKG}.bak` are
 * names in the working directory, as `./${PKG}` is.
 */
const FILE_NAME_VARIABLE = /^\$\{(PKG|SBUILD_PKG)\}/;

/**
 * Whether a path does not depend on the working directory: `/…`, or under a variable (`${SBUILD_OUTDIR}/…`, a
 * `${DIR}` the script does not set) other than one that holds a file name.
 */
export function isRooted(path: string): boolean {
  return path.startsWith('/') || (path.startsWith('${') && !FILE_NAME_VARIABLE.test(path));
}

/** `path` as seen from `directory` (undefined: not known), with `.` and `..` worked out; undefined when not known. */
export function resolvePath(directory: string | undefined, path: string): string | undefined {
  if (!isRooted(path)) return directory === undefined ? undefined : joinPath(directory, path);
  const slash = path.indexOf('/', 1);
  return slash === -1 ? path : joinPath(path.slice(0, slash), path.slice(slash + 1));
}

/** Where a command runs: in the output directory, or in `cwd` when the script names another one. */
export interface Place {
  cwdIsOutdir: boolean;
  cwd?: string;
}

/** The output directory, where the script starts. */
export const OUTDIR = '${SBUILD_OUTDIR}';
/** A working directory the walk does not know. */
export const ELSEWHERE = '${ELSEWHERE}';

/**
 * One spelling for each file a path names from where a command runs: `X`, `./X`, `${PWD}/X` and `sub/../X` are one
 * file. `${PWD}` is still written so only in the output directory (the walk binds it after `cd`). Relative paths from a
 * directory not known are put under `${ELSEWHERE}`, where they are one file only from the same command.
 */
export function fileKey(path: string, { cwdIsOutdir, cwd }: Place): string {
  const value = path.replace(/^\$\{PWD\}(?=\/|$)/, OUTDIR);
  const directory = cwd ?? (cwdIsOutdir ? OUTDIR : ELSEWHERE);
  return resolvePath(directory, value) ?? (isRooted(value) ? value : `${directory}/${value}`);
}
