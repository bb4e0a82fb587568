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
export function simplify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9+]/g, '').replace(/licen[sc]e$/, '');
}

/** A part of a license value that is not a known id. */
export interface UnknownLicense {
  term: string;
  /** Where the term starts in the value. */
  index: number;
  /** A known id the author probably meant. */
  suggestion?: string;
}

/** The parts of a license value that are not known ids: the value is one id, or an SPDX expression of ids joined by AND / OR / WITH. */
export function unknownLicenses(value: string): UnknownLicense[] {
  const { byLowercase, bySimpleName } = licenseIndex();
  const trimmed = value.trim();
  const terms = /\s(AND|OR|WITH)\s/.test(trimmed) ? licenseTerms(value) : [{ term: trimmed, index: value.indexOf(trimmed) }];
  const unknown: UnknownLicense[] = [];
  for (const { term, index } of terms) {
    // `GPL-2.0+` is an SPDX id with "or later"; the free-form `GPL-2+` is known as written.
    const id = term.endsWith('+') ? term.slice(0, -1) : term;
    if (byLowercase.get(id.toLowerCase()) === id || byLowercase.get(term.toLowerCase()) === term || /^(LicenseRef|DocumentRef)-/.test(id)) continue;
    const suggestion = byLowercase.get(term.toLowerCase()) ?? byLowercase.get(id.toLowerCase()) ?? bySimpleName().get(simplify(term));
    unknown.push(suggestion ? { term, index, suggestion } : { term, index });
  }
  return unknown;
}

/** Whether `id` is an SPDX license id, as SPDX spells it. */
export function isSpdxId(id: string): boolean {
  return SPDX_IDS.has(id);
}

const SPDX_IDS: ReadonlySet<string> = new Set(spdxIds);

/**
 * The license ids of an SPDX expression, with where each starts: the text between the operators and parentheses, so
 * that a name with spaces in it (`Public Domain`, `GPLv2+ and BSD`) is one term. Exception names after WITH are not checked.
 */
function licenseTerms(expression: string): { term: string; index: number }[] {
  const terms: { term: string; index: number }[] = [];
  let start = 0;
  let afterWith = false;
  for (const separator of [...expression.matchAll(/(?<![^\s(])(AND|OR|WITH)(?![^\s)])|[()]/g), undefined]) {
    const end = separator?.index ?? expression.length;
    const chunk = expression.slice(start, end);
    const term = chunk.trim();
    if (term !== '' && !afterWith) terms.push({ term, index: start + chunk.indexOf(term) });
    if (term !== '' || separator?.[1]) afterWith = separator?.[1] === 'WITH';
    if (separator) start = end + separator[0].length;
  }
  return terms;
}
