const FIND_TESTS_WITH_VALUE = new Set(['-name', '-iname', '-path', '-ipath', '-regex', '-iregex', '-wholename', '-type', '-maxdepth', '-mindepth', '-newer', '-perm', '-size', '-user', '-group', '-mtime', '-mmin', '-printf', '-fprint', '-regextype']);

/**
 * What `find` selects, as globs: `DIR/*` for every file of DIR, `DIR/<pattern>` when a `-name` test narrows it,
 * nothing for `-type d`. A `-regex`/`-path` test is opaque: it yields a name that matches nothing.
 */
export function findListing(args: string[][]): string[] {
  const flat = args.map((values) => values[0] ?? '');
  const firstTest = flat.findIndex((arg) => arg.startsWith('-') || arg === '(' || arg === '!');
  let roots = (firstTest === -1 ? flat : flat.slice(0, firstTest)).filter((arg) => arg !== '');
  if (roots.length === 0) roots = ['.'];
  const patterns: string[] = [];
  let opaque = false;
  for (let index = firstTest === -1 ? flat.length : firstTest; index < flat.length; index++) {
    const arg = flat[index]!;
    if (arg === '-exec' || arg === '-execdir' || arg === '-ok' || arg === '-okdir') break;
    const negated = flat[index - 1] === '!' || flat[index - 1] === '-not';
    const value = flat[index + 1];
    if ((arg === '-name' || arg === '-iname') && value !== undefined && !negated) patterns.push(value);
    if (['-regex', '-iregex', '-path', '-ipath', '-wholename'].includes(arg) && !negated) opaque = true;
    if (arg === '-type' && value !== undefined && !negated && !/[fl]/.test(value)) return [];
    if (FIND_TESTS_WITH_VALUE.has(arg)) index++;
  }
  const names = opaque ? ['\u0000'] : patterns.length > 0 ? patterns : ['*'];
  return roots.flatMap((root) => names.map((name) => `${root.replace(/\/+$/, '')}/${name}`));
}

