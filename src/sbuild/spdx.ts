import { createRequire } from 'node:module';
import { fieldData } from './data.js';

const require = createRequire(import.meta.url);

let known: Map<string, string> | undefined;
let bySimpleName: Map<string, string> | undefined;

/** Lowercased id to canonical id: SPDX ids (current and deprecated) and the free-form names the SBUILD docs show. */
function knownIds(): Map<string, string> {
  if (!known) {
    const ids = [
      ...(require('spdx-license-ids') as string[]),
      ...(require('spdx-license-ids/deprecated.json') as string[]),
      ...fieldData<{ ids: string[] }>('license').ids,
    ];
    known = new Map(ids.map((id) => [id.toLowerCase(), id]));
    bySimpleName = new Map(ids.map((id) => [simplify(id), id]));
  }
  return known;
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

const checked = new Map<string, LicenseCheck>();

/** Checks a license value: one id, or an SPDX expression of ids joined by AND / OR / WITH. */
export function checkLicense(value: string): LicenseCheck {
  let result = checked.get(value);
  if (!result) {
    result = check(value.trim());
    checked.set(value, result);
  }
  return result;
}

function check(value: string): LicenseCheck {
  const ids = knownIds();
  const isExpression = /\s(AND|OR|WITH)\s/.test(value);
  const terms = isExpression ? licenseTerms(value) : [value];
  for (const term of terms) {
    const id = term.endsWith('+') ? term.slice(0, -1) : term;
    if (ids.get(id.toLowerCase()) === id || /^(LicenseRef|DocumentRef)-/.test(id) || ids.get(term.toLowerCase()) === term) continue;
    const suggestion = ids.get(term.toLowerCase()) ?? ids.get(id.toLowerCase()) ?? bySimpleName!.get(simplify(term));
    return suggestion ? { unknown: term, suggestion } : { unknown: term };
  }
  return {};
}

/** The license ids of an SPDX expression (exception names after WITH are not checked). */
function licenseTerms(expression: string): string[] {
  const tokens = expression.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  return tokens.filter((token, index) => !['AND', 'OR', 'WITH'].includes(token) && tokens[index - 1] !== 'WITH');
}
