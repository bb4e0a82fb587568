import { includes } from './builder-release.js';
import { isRecord } from '../core/is-record.js';

/**
 * Where the target builder takes a recipe's version from. A top-level `pkgver` (or, from 6c7c7cb on, its alias
 * `version`) that is a non-blank string is the version, and `x_exec.pkgver` is then not run. A blank one is dropped.
 * Another type (`pkgver: 1.10`, a number) was dropped without a message before 2f1f48e (2026-02-17), so the script ran;
 * from then on the builder's linter rejects the recipe.
 */
export interface VersionFields {
  /** The top-level keys the target builder reads as the version. */
  keys: string[];
  /** The first of them whose non-blank string value is the version. */
  hardCoded: string | undefined;
  /** One whose value is not a string (nor empty): dropped by the target builder, or making it reject the recipe. */
  mistyped: { key: string; dropped: boolean } | undefined;
  /** Whether x_exec.pkgver is a non-blank string, a script the builder runs when no hard-coded version wins. */
  script: boolean;
}

export function versionFields(fields: Record<string, unknown>, target: string): VersionFields {
  const keys = includes(target, 'versionAlias') ? ['pkgver', 'version'] : ['pkgver'];
  const hardCoded = keys.find((key) => typeof fields[key] === 'string' && (fields[key] as string).trim() !== '');
  const mistypedKey = keys.find((key) => fields[key] !== undefined && fields[key] !== null && typeof fields[key] !== 'string');
  const xExec = fields.x_exec;
  const script = isRecord(xExec) && typeof xExec.pkgver === 'string' && !isSilentScript(xExec.pkgver);
  return {
    keys,
    hardCoded,
    mistyped: mistypedKey === undefined ? undefined : { key: mistypedKey, dropped: !includes(target, 'typedScalars') },
    script,
  };
}

/** A script of blank and comment lines only: it prints nothing, whatever runs it. */
export function isSilentScript(script: string): boolean {
  return script.split('\n').every((line) => {
    const text = line.trim();
    return text === '' || text.startsWith('#');
  });
}
