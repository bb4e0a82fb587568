/**
 * The releases of pkgforge's SBUILD builder (`sbuild` in `pkgforge/sbuilder`) that recipes can be written for, and what
 * changed between them. A release is named by its month, `YYYY-MM`, and stands for the builder as of the end of that
 * month: `2025-11` is tree `a0d023b` (the builder that built the soarpkgs 2025-11 recipes), `2026-06` is tree
 * `be52fc2`, the final release before the SBUILD toolchain was removed (`c252ef8`, 2026-07-28).
 */
export const FIRST_RELEASE = '2025-11';
export const FINAL_RELEASE = '2026-06';
export const DEFAULT_TARGET = FINAL_RELEASE;

/** Every release a target may name, oldest first. */
export const BUILDER_RELEASES: readonly string[] = monthsBetween(FIRST_RELEASE, FINAL_RELEASE);

/** One change of the builder or of its linter that changes what a recipe may or must contain. */
export interface BuilderChange {
  /** Commit date, `YYYY-MM-DD`. */
  date: string;
  /** Commit in `pkgforge/sbuilder`. */
  commit: string;
  summary: string;
}

export const CHANGES = {
  versionAlias: { date: '2025-12-27', commit: '6c7c7cb', summary: 'top-level `version` accepted as an alias of `pkgver`' },
  ghcrPkg: { date: '2026-01-03', commit: 'be8a7c8', summary: '`ghcr_pkg` accepted' },
  snapshots: { date: '2026-01-06', commit: '3f9dc5e', summary: '`snapshots` accepted' },
  remotePkgver: { date: '2026-01-23', commit: '500b1bd', summary: '`remote_pkgver` accepted; `x_exec.pkgver` may print two lines' },
  remotePkgverExported: { date: '2026-01-24', commit: 'c3e305b', summary: '`REMOTE_PKGVER` exported to `run`' },
  unknownDesktopIcon: {
    date: '2026-02-17',
    commit: '2f1f48e',
    summary: '`icon`, `desktop`, `_disabled_reason` and `distro_pkg` become unknown fields; the builder no longer fetches icons and desktop files',
  },
  typedScalars: {
    date: '2026-02-17',
    commit: '2f1f48e',
    summary: 'an optional scalar field of another type than string (`pkgver: 1.10`) is rejected; before, it was silently dropped',
  },
  saphyrLoader: {
    date: '2026-02-17',
    commit: '2f1f48e',
    summary: 'recipes read with saphyr, which keeps the later value of a repeated key: the linter no longer rejects a repeated top-level key',
  },
  packages: { date: '2026-02-17', commit: '76bdd66', summary: '`packages` accepted' },
  containerAndArch: {
    date: '2026-02-18',
    commit: '2f0964f',
    summary: '`x_exec.container` and `build_deps` accepted; `ARCH` and `ARCH_ALT` exported to `run`',
  },
  buildAssetVariables: {
    date: '2026-02-18',
    commit: '2f0964f',
    summary: '`${VAR}` in `build_asset` expanded by the builder; its linter skips the check of a `build_asset.url` containing `${`',
  },
  runOptional: { date: '2026-02-19', commit: 'b7ff918', summary: '`x_exec.run` optional' },
  onelf: { date: '2026-06-14', commit: 'e26721a', summary: '`pkg_type: onelf`; icon and desktop file extracted from onelf packages' },
} as const satisfies Record<string, BuilderChange>;

export type ChangeName = keyof typeof CHANGES;

/** Whether a target release includes a change (the change happened in or before the release's month). */
export function includes(target: string, change: BuilderChange | ChangeName): boolean {
  const { date } = typeof change === 'string' ? CHANGES[change] : change;
  return date.slice(0, 7) <= target;
}

/** Whether a target release includes a change given by its date, as a schema annotation (`x-since`) writes it. */
export function includesDate(target: string, date: string): boolean {
  return date.slice(0, 7) <= target;
}

/** `(since b7ff918, 2026-02-19)`: how a message cites a change. */
export function cite(change: BuilderChange | ChangeName): string {
  const { date, commit } = typeof change === 'string' ? CHANGES[change] : change;
  return `${commit}, ${date}`;
}

/** Whether a text names a release, and the problem when it does not. */
export function releaseProblem(target: string): string | undefined {
  if (BUILDER_RELEASES.includes(target)) return undefined;
  return `'${target}' is not a builder release: use a month from ${FIRST_RELEASE} to ${FINAL_RELEASE} (YYYY-MM)`;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let name = first; name <= last; ) {
    months.push(name);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
    name = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}
