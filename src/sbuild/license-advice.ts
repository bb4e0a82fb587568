import { isSpdxId, simplify } from './spdx.js';

/**
 * Advice for license names that SPDX spells differently: the versions of the GNU licenses with their `-only` and
 * `-or-later` forms, the variants of BSD, and `LicenseRef-…` for licenses SPDX does not list (proprietary, custom,
 * freeware). Undefined when no rule of thumb applies.
 */
export function licenseAdvice(term: string): string | undefined {
  const prefixed = /^spdx:(.+)$/i.exec(term)?.[1];
  if (prefixed !== undefined && isSpdxId(prefixed)) return `write '${prefixed}', without 'spdx:'`;
  const named = NAMES.get(simplify(term));
  if (named !== undefined) return `write '${named}'`;
  const gnuName = gnuShortName(term);
  if (gnuName !== undefined) return shortNameAdvice(gnuName);
  return shortNameAdvice(term);
}

function shortNameAdvice(term: string): string | undefined {
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

/**
 * The names GitHub shows for the licenses it detects (`license.name` of its API, which recipes copy), and others as
 * projects spell them, by `simplify`: the SPDX id each stands for.
 */
const NAMES = new Map<string, string>(
  Object.entries({
    'apache license 2.0': 'Apache-2.0',
    'apache software license 2.0': 'Apache-2.0',
    'apache license version 2.0': 'Apache-2.0',
    'bsd 2-clause "simplified" license': 'BSD-2-Clause',
    'bsd 3-clause "new" or "revised" license': 'BSD-3-Clause',
    '3-clause bsd license': 'BSD-3-Clause',
    '2-clause bsd license': 'BSD-2-Clause',
    'bsd zero clause license': '0BSD',
    'boost software license 1.0': 'BSL-1.0',
    'boost-1.0': 'BSL-1.0',
    'creative commons zero v1.0 universal': 'CC0-1.0',
    'eclipse public license 2.0': 'EPL-2.0',
    'eclipse public license 1.0': 'EPL-1.0',
    'mozilla public license 2.0': 'MPL-2.0',
    'mozilla public license, version 2.0': 'MPL-2.0',
    'the unlicense': 'Unlicense',
    'artistic license 2.0': 'Artistic-2.0',
    'european union public license 1.2': 'EUPL-1.2',
    'sil open font license 1.1': 'OFL-1.1',
    'universal permissive license v1.0': 'UPL-1.0',
    'do what the f*ck you want to public license': 'WTFPL',
  }).map(([name, id]) => [simplify(name), id]),
);

/**
 * The GNU licenses by their names (`GNU General Public License v3.0`, `GNU Lesser General Public License, version 2.1
 * or later`, `GNU GPLv3`, `Affero GPLv3`) as the short forms `shortNameAdvice` reads (`GPL-3.0`, `LGPL-2.1+`, `AGPL-3`).
 */
function gnuShortName(term: string): string | undefined {
  const name =
    /^(?:the\s+)?(GNU\s+)?(?:(Affero|Lesser|Library)\s+)?(General\s+Public\s+License|(?:A|L)?GPL)\s*,?\s*(?:v(?:ersion)?\s*)?(\d(?:\.\d)?)?(\s+or\s+(?:any\s+)?later(?:\s+version)?|\+|\s+only)?$/i.exec(
      term.trim(),
    );
  if (!name || (!name[1] && !name[2] && !/\s/.test(name[3]!))) return undefined;
  const [, , kind, base, version, scope] = name;
  const family = kind ? (/^affero$/i.test(kind) ? 'AGPL' : 'LGPL') : /^general/i.test(base!) ? 'GPL' : base!.toUpperCase();
  if (version === undefined) return family;
  const suffix = scope === undefined ? '' : /only/i.test(scope) ? '-only' : '+';
  return `${family}-${version}${suffix}`;
}
