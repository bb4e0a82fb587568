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

/** Whether a path does not depend on the working directory: `/…`, or under a variable (`${SBUILD_OUTDIR}/…`). */
export function isRooted(path: string): boolean {
  return path.startsWith('/') || path.startsWith('${');
}

/** `path` as seen from `directory` (undefined: not known), with `.` and `..` worked out; undefined when not known. */
export function resolvePath(directory: string | undefined, path: string): string | undefined {
  if (!isRooted(path)) return directory === undefined ? undefined : joinPath(directory, path);
  const slash = path.indexOf('/', 1);
  return slash === -1 ? path : joinPath(path.slice(0, slash), path.slice(slash + 1));
}
