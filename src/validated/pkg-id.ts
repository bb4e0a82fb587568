import { namePattern } from '../sbuild/name-pattern.js';

/**
 * The `pkg_id` the reference derives from the first `src_url` entry: the part after `://`, up to a `?`, with `/`
 * turned into `.` and leading and trailing dots trimmed. Undefined when the URL has no `://` (the reference aborts
 * there) or when the result has characters fim-lint rejects in a `pkg_id` (a port, a fragment, `%`, `~`, `@`, ...).
 */
export function derivePkgId(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  const rest = url.slice(scheme + 3);
  const query = rest.indexOf('?');
  const id = (query === -1 ? rest : rest.slice(0, query)).replace(/\//g, '.').replace(/^\.+|\.+$/g, '');
  return namePattern().test(id) ? id : undefined;
}
