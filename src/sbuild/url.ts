const SCHEMES = new Set(['http:', 'https:', 'ftp:']);

/** Why a URL is not a usable download/web address, or undefined when it is one. `${VAR}` placeholders are allowed in templates. */
export function urlProblem(value: string, template: boolean): string | undefined {
  if (/\s/.test(value)) return 'it contains white space (encode a space as %20)';
  // A placeholder stands for text the builder fills in: one at the start may hold the scheme and host.
  if (template && value.startsWith('${')) return undefined;
  const text = template ? value.replace(/\$\{[^}]*\}/g, 'x') : value;
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
