import spdxDeprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { fieldData } from './data.js';

interface LicenseIndex {
  /** Lowercased id to canonical id. */
  byLowercase: Map<string, string>;
  /** Simplified name (see `simplify`) to canonical id, for suggestions; made on the first unknown id. */
  bySimpleName: () => Map<string, string>;
}

let index: LicenseIndex | undefined;

/** The known ids: SPDX ids (current and deprecated) and the free-form names the SBUILD docs show. */
function licenseIndex(): LicenseIndex {
  if (!index) {
    const ids = [
      ...spdxIds,
      ...spdxDeprecatedIds,
      ...fieldData<{ ids: string[] }>('license').ids,
    ];
    let bySimpleName: Map<string, string> | undefined;
    index = {
      byLowercase: new Map(ids.map((id) => [id.toLowerCase(), id])),
      bySimpleName: () => (bySimpleName ??= new Map(ids.map((id) => [simplify(id), id]))),
    };
  }
  return index;
}

/** Letters and digits only, lowercased, without a trailing "license": `MIT License` and `mit` both give `mit`. */
function simplify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9+]/g, '').replace(/licen[sc]e$/, '');
}

export interface LicenseCheck {
  /** The part of the value that is not a known id, when there is one. */
  unknown?: string;
  /** A known id the author probably meant. */
  suggestion?: string;
}

/** Checks a license value: one id, or an SPDX expression of ids joined by AND / OR / WITH. */
export function checkLicense(value: string): LicenseCheck {
  const { byLowercase, bySimpleName } = licenseIndex();
  const trimmed = value.trim();
  const terms = /\s(AND|OR|WITH)\s/.test(trimmed) ? licenseTerms(trimmed) : [trimmed];
  for (const term of terms) {
    // `GPL-2.0+` is an SPDX id with "or later"; the free-form `GPL-2+` is known as written.
    const id = term.endsWith('+') ? term.slice(0, -1) : term;
    if (byLowercase.get(id.toLowerCase()) === id || byLowercase.get(term.toLowerCase()) === term || /^(LicenseRef|DocumentRef)-/.test(id)) continue;
    const suggestion = byLowercase.get(term.toLowerCase()) ?? byLowercase.get(id.toLowerCase()) ?? bySimpleName().get(simplify(term));
    return suggestion ? { unknown: term, suggestion } : { unknown: term };
  }
  return {};
}

/** The license ids of an SPDX expression (exception names after WITH are not checked). */
function licenseTerms(expression: string): string[] {
  const tokens = expression.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  return tokens.filter((token, position) => !['AND', 'OR', 'WITH'].includes(token) && tokens[position - 1] !== 'WITH');
}
