const SCHEMES = new Set(['http:', 'https:', 'ftp:']);

/** Why a URL, read as written, is not a clean web address; `readAs` when the builder's parser (WHATWG) reads it anyway. */
export interface UrlProblem {
  reason: string;
  /** The address the builder's URL parser makes of it (`https:x.org/a b` is `https://x.org/a%20b`). */
  readAs?: string;
}

export function urlProblem(text: string): UrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    if (/\s/.test(text)) return { reason: 'it contains white space (encode a space as %20)' };
    return { reason: /^[a-z][a-z0-9+.-]*:/i.test(text) ? 'it cannot be parsed' : 'it has no scheme (expected https://…)' };
  }
  if (!SCHEMES.has(url.protocol)) return { reason: `its scheme is ${url.protocol.slice(0, -1)}, expected http, https or ftp` };
  if (url.hostname === '') return { reason: 'it has no host (expected scheme://host/…)' };
  if (/\s/.test(text)) return { reason: 'it contains white space (encode a space as %20)', readAs: url.href };
  if (!/^[a-z]+:\/\/[^/?#]/i.test(text)) return { reason: 'it does not start with scheme://host', readAs: url.href };
  return undefined;
}
