const SCHEMES = new Set(['http:', 'https:', 'ftp:']);

/** Why a URL, read as written, is not a usable download/web address, or undefined when it is one. */
export function urlProblem(text: string): string | undefined {
  if (/\s/.test(text)) return 'it contains white space (encode a space as %20)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(text) ? 'it cannot be parsed' : 'it has no scheme (expected https://…)';
  }
  if (!SCHEMES.has(url.protocol)) return `its scheme is ${url.protocol.slice(0, -1)}, expected http, https or ftp`;
  if (!/^[a-z]+:\/\/[^/?#]/i.test(text) || url.hostname === '') return 'it has no host (expected scheme://host/…)';
  return undefined;
}
