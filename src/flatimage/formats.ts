/**
 * Package formats whose file is a runtime ELF followed by a payload (filesystem image, archive): rewriting the ELF
 * drops the payload. The pkgforge format pages warn about it for all of these but `archive` and `onelf`; `archive`
 * is included because the specification defines it as self-extracting and 113 of the corpus's 115 archive recipes
 * build a wrappe payload, `onelf` because its runtime carries a trailing footer.
 */
export const IMAGE_FORMATS = ['appbundle', 'appimage', 'archive', 'flatimage', 'gameimage', 'nixappimage', 'onelf', 'runimage'] as const;

/** Every `pkg_type` value of the specification (plus `onelf`, added by the reference linter). */
export const PKG_TYPES = ['appbundle', 'appimage', 'archive', 'dynamic', 'flatimage', 'gameimage', 'nixappimage', 'onelf', 'runimage', 'static'] as const;

/** The names people give these formats in prose and file extensions. */
export const FORMAT_NAMES: Record<string, string> = {
  appbundle: 'AppBundle',
  appimage: 'AppImage',
  archive: 'self-extracting archive',
  flatimage: 'FlatImage',
  gameimage: 'GameImage',
  nixappimage: 'NixAppImage',
  onelf: 'onelf',
  runimage: 'RunImage',
};

/** File name endings of image files (compared in lower case). */
export const IMAGE_EXTENSIONS = ['.flatimage', '.appimage', '.appbundle', '.nixappimage', '.runimage', '.gameimage'];

export function isImageFormat(pkgType: string | undefined): boolean {
  return pkgType !== undefined && (IMAGE_FORMATS as readonly string[]).includes(pkgType);
}
