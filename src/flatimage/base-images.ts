/**
 * Base images a FlatImage `pkg` may name (`<name>-<base>[-<modifier>…]`): the official FlatImage releases (alpine,
 * arch, blueprint) and the ones pkgforge builds in pkgforge-dev/flatimage-base. The configuration adds more through
 * `flatimage.extraBaseImages`.
 */
export const BASE_IMAGES = ['alpine', 'arch', 'archlinux', 'artix', 'blueprint', 'cachyos', 'debian', 'eweos', 'ubuntu', 'void-glibc', 'void-musl'];

export function baseImages(extra: readonly string[] | undefined): string[] {
  const all = [...BASE_IMAGES, ...(extra ?? []).map((base) => base.trim().toLowerCase()).filter(Boolean)];
  return [...new Set(all)];
}
