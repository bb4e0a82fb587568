/** One `provides` entry: `prog`, `prog:alias[:alias…]`, `prog==link` or `prog=>name`. */
export interface ProvidesEntry {
  /** The program the build produces. */
  program: string;
  /** Every name the entry introduces: the program, its aliases, its link or its new name. */
  names: string[];
  /** What is wrong with the entry's syntax, if anything. */
  problem?: string;
}

const SEPARATORS = ['==', '=>', ':'] as const;
/** Characters no program name can hold: path separators, quotes, white space, and the separators' own characters. */
const FORBIDDEN = /[\s/\\"'`=:>]/;

export function parseProvides(entry: string): ProvidesEntry {
  const used = SEPARATORS.filter((separator) => entry.includes(separator));
  if (used.length > 1) {
    const names = entry.split(/==|=>|:/);
    return { program: names[0]!, names, problem: `it mixes the separators ${used.map((separator) => `'${separator}'`).join(' and ')}; use one form per entry` };
  }
  const separator = used[0];
  const names = separator ? entry.split(separator) : [entry];
  const program = names[0]!;
  if (separator && separator !== ':' && names.length > 2) {
    return { program, names, problem: `it has more than one '${separator}'; write one entry per ${separator === '==' ? 'symlink' : 'name'}` };
  }
  const empty = names.findIndex((name) => name === '');
  if (empty !== -1) {
    return { program, names, problem: empty === 0 ? 'the program name before the separator is empty' : 'a name after a separator is empty' };
  }
  const bad = names.find((name) => FORBIDDEN.test(name));
  if (bad !== undefined) {
    const character = FORBIDDEN.exec(bad)![0];
    return { program, names, problem: `'${bad}' contains ${/\s/.test(character) ? 'white space' : `'${character}'`}, which a program name cannot hold` };
  }
  return { program, names };
}

/** The paths of every `provides` list: the top-level one and one per `packages` entry. */
export function providesPaths(fields: Record<string, unknown> | undefined): (string | number)[][] {
  const packages = fields?.packages;
  const names = packages && typeof packages === 'object' && !Array.isArray(packages) ? Object.keys(packages) : [];
  return [['provides'], ...names.map((name) => ['packages', name, 'provides'])];
}

/** The non-empty string entries of every `provides` list. */
export function providesEntries(fields: Record<string, unknown> | undefined): string[] {
  return providesPaths(fields).flatMap((path) => {
    let list: unknown = fields;
    for (const key of path) list = (list as Record<string | number, unknown> | undefined)?.[key];
    return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
  });
}
