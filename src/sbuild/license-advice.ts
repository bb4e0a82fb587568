import { isSpdxId } from './spdx.js';

/**
 * Advice for license names that SPDX spells differently: the versions of the GNU licenses with their `-only` and
 * `-or-later` forms, the variants of BSD, and `LicenseRef-…` for licenses SPDX does not list (proprietary, custom,
 * freeware). Undefined when no rule of thumb applies.
 */
export function licenseAdvice(term: string): string | undefined {
  const gnu = /^(A|L)?GPL[-_ ]?v?(\d)(?:[.-](\d))?(\+|-or-later|-only)?$/i.exec(term);
  if (gnu) {
    const family = `${(gnu[1] ?? '').toUpperCase()}GPL`;
    const version = `${gnu[2]}.${gnu[3] ?? '0'}`;
    // A version the family never had (AGPL-2.0, GPL-2.1): no id to steer to.
    if (!isSpdxId(`${family}-${version}-only`)) return undefined;
    if (gnu[4] === '+' || gnu[4]?.toLowerCase() === '-or-later') return `write '${family}-${version}-or-later'`;
    if (gnu[4]?.toLowerCase() === '-only') return `write '${family}-${version}-only'`;
    return `write '${family}-${version}-only' or, when later versions are allowed too, '${family}-${version}-or-later'`;
  }
  if (/^(A|L)?GPL$/i.test(term)) {
    const family = term.toUpperCase() as keyof typeof EARLIER_VERSION;
    return `name the version, e.g. '${family}-3.0-or-later' or '${EARLIER_VERSION[family]}'`;
  }
  if (/^BSD$/i.test(term)) return "name the variant, e.g. 'BSD-3-Clause' or 'BSD-2-Clause'";
  const bsd = /^(?:BSD[-_ ]?(?:Clause[-_ ]?)?(\d)|(\d)[-_ ]?Clause[-_ ]?BSD)(?:[-_ ]?Clause)?$/i.exec(term);
  if (bsd) return `write 'BSD-${bsd[1] ?? bsd[2]}-Clause'`;
  if (/^Apache(?:[-_ ]?v?2(?:\.0)?)?$/i.test(term)) return "write 'Apache-2.0'";
  if (/^MPL(?:[-_ ]?v?2(?:\.0)?)?$/i.test(term)) return "write 'MPL-2.0'";
  if (/^public[-_ ]?domain$/i.test(term)) {
    return "SPDX has no public-domain id: write 'LicenseRef-Public-Domain', or the dedication the project uses (e.g. 'Unlicense', 'CC0-1.0')";
  }
  if (/^(?:custom(?:[-_ ]?license)?|proprietary|commercial|freeware|free[-_ ]to[-_ ]use|closed[-_ ]?source|other)$/i.test(term)) {
    const name = term.replace(/[^A-Za-z0-9.-]+/g, '-');
    return `for a license SPDX does not list, write 'LicenseRef-${name.charAt(0).toUpperCase()}${name.slice(1)}' (SPDX's form for other licenses)`;
  }
  return undefined;
}

/** For each GNU family, an id of another version than 3.0-or-later, to show that the version is the author's choice. */
const EARLIER_VERSION = { GPL: 'GPL-2.0-only', LGPL: 'LGPL-2.1-only', AGPL: 'AGPL-3.0-only' } as const;
