const FIND_TESTS_WITH_VALUE = new Set(['-name', '-iname', '-path', '-ipath', '-regex', '-iregex', '-wholename', '-type', '-maxdepth', '-mindepth', '-newer', '-perm', '-size', '-user', '-group', '-mtime', '-mmin', '-printf', '-fprint', '-regextype']);
const ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/**
 * What `find` selects, as globs: `DIR/*` for every file of DIR, `DIR/<pattern>` when a `-name` test narrows it,
 * `DIR/!(<pattern>)` when a `! -name` test leaves files out, `DIR/*\/…` from `-mindepth 2` on, nothing for `-type d`. A
 * `-regex`/`-path` test is opaque: it yields a name that matches nothing. With `-o`, an action belongs to the tests
 * after the last `-o` before it (`find . -name '*.so' -o -type f -exec …` runs on every file that is not `*.so`).
 */
export function findListing(args: string[][]): string[] {
  const flat = args.map((values) => values[0] ?? '');
  const firstTest = flat.findIndex((arg) => arg.startsWith('-') || arg === '(' || arg === '!');
  let roots = (firstTest === -1 ? flat : flat.slice(0, firstTest)).filter((arg) => arg !== '');
  if (roots.length === 0) roots = ['.'];
  let patterns: string[] = [];
  let paths: string[] = [];
  let excluded: string[] = [];
  let opaque = false;
  let nested = false;
  let depth = 0;
  for (let index = firstTest === -1 ? flat.length : firstTest; index < flat.length; index++) {
    const arg = flat[index]!;
    if (ACTIONS.has(arg)) break;
    if (arg === '(') depth++;
    if (arg === ')') depth--;
    if ((arg === '-o' || arg === '-or') && depth === 0) {
      // The files a branch before `-o` selects are not the action's: it runs where the branches before are false
      // (`-name '*.so' -o … -exec`, `-path ./x -prune -o … -exec`).
      excluded = [...patterns, ...paths.map((path) => path.replace(/^.*\//, ''))];
      [patterns, paths, opaque] = [[], [], false];
    }
    const negated = flat[index - 1] === '!' || flat[index - 1] === '-not';
    const value = flat[index + 1];
    if ((arg === '-name' || arg === '-iname') && value !== undefined) (negated ? excluded : patterns).push(value);
    if (['-regex', '-iregex', '-path', '-ipath', '-wholename'].includes(arg) && !negated) {
      opaque = true;
      if (arg !== '-regex' && arg !== '-iregex' && value !== undefined) paths.push(value);
    }
    if (arg === '-type' && value !== undefined && !negated && !/[fl]/.test(value)) return [];
    if (arg === '-mindepth' && Number(value) >= 2) nested = true;
    if (FIND_TESTS_WITH_VALUE.has(arg)) index++;
  }
  const names = opaque ? ['\u0000'] : patterns.length > 0 ? patterns : excluded.length > 0 ? [`!(${excluded.join('|')})`] : ['*'];
  return roots.flatMap((root) => names.map((name) => `${root.replace(/\/+$/, '')}/${nested ? '*/' : ''}${name}`));
}
