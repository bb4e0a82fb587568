/**
 * The key order of the reference linter's `.validated` files. The keys its last version no longer knew
 * (`_disabled_reason`, `distro_pkg`, `icon`, `desktop`) take the places its v0.4 writer gave them, and `version`
 * follows `pkgver`.
 */
export const TOP_LEVEL_ORDER = [
  '_disabled', '_disabled_reason', 'pkg', 'pkg_id', 'pkg_type', 'pkgver', 'version', 'remote_pkgver', 'app_id',
  'build_util', 'build_asset', 'build_deps', 'ghcr_pkg', 'category', 'description', 'distro_pkg', 'homepage', 'maintainer',
  'icon', 'desktop', 'license', 'note', 'provides', 'packages', 'repology', 'src_url', 'tag', 'snapshots', 'x_exec',
] as const;

export const X_EXEC_ORDER = ['arch', 'os', 'host', 'conflicts', 'depends', 'entrypoint', 'container', 'shell', 'pkgver', 'run'] as const;

/** A sort key: the key's place in the order; undefined for a key not in it (which then keeps its place). */
export function rankIn(order: readonly string[]): (key: string) => number | undefined {
  const ranks = new Map(order.map((key, index) => [key, index]));
  return (key) => ranks.get(key);
}
