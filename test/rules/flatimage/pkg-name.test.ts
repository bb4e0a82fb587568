import { describe, expect, it } from 'vitest';
import { compact, lint } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const only = 'flatimage/pkg-name';
const check = async (pkg: string, extraBaseImages: string[] = []) =>
  (await lint(flatImageRecipe(['true'], { pkg }), { only, config: { rules: {}, settings: { flatimage: { extraBaseImages } } } })).map(compact);

describe('flatimage/pkg-name', () => {
  it('accepts <name>-<base>[-<modifier>…] with a known base', async () => {
    for (const pkg of ['firefox-alpine', 'steam-cachyos', 'librewolf-alpine-nix', 'ungoogled-chromium-void-glibc', 'draw.io-debian', '7z-arch']) {
      expect(await check(pkg), pkg).toEqual([]);
    }
  });

  it('reports a missing base', async () => {
    expect(await check('firefox')).toEqual([
      "flatimage/pkg-name error 3:7-3:14 pkg 'firefox' names no base image: a FlatImage pkg is <name>-<base>[-<modifier>…], e.g. 'firefox-alpine' (known base images: alpine, arch, archlinux, artix, blueprint, cachyos, debian, eweos, ubuntu, void-glibc, void-musl)",
    ]);
  });

  it('reports an unknown base, with a suggestion for near misses', async () => {
    expect(await check('firefox-windows')).toEqual([
      "flatimage/pkg-name error 3:15-3:22 Unknown base image 'windows' in pkg 'firefox-windows': a FlatImage pkg is <name>-<base>[-<modifier>…] (known base images: alpine, arch, archlinux, artix, blueprint, cachyos, debian, eweos, ubuntu, void-glibc, void-musl; settings.flatimage.extraBaseImages adds more)",
    ]);
    expect(await check('firefox-alpnie')).toEqual(["flatimage/pkg-name error 3:15-3:21 Unknown base image 'alpnie' in pkg 'firefox-alpnie'; did you mean 'alpine'?"]);
    expect(await check('firefox-void-gilbc')).toEqual(["flatimage/pkg-name error 3:15-3:25 Unknown base image 'void-gilbc' in pkg 'firefox-void-gilbc'; did you mean 'void-glibc'?"]);
  });

  it('reports an empty name, an empty segment and a base in capitals', async () => {
    expect(await check('-alpine')).toEqual([
      "flatimage/pkg-name error 3:7-3:8 pkg '-alpine' has an empty name before the base image: a FlatImage pkg is <name>-<base>[-<modifier>…], e.g. 'firefox-alpine'",
    ]);
    expect(await check('firefox--alpine')).toEqual([
      "flatimage/pkg-name error 3:14-3:15 pkg 'firefox--alpine' has an empty segment ('--' or a trailing '-'): a FlatImage pkg is <name>-<base>[-<modifier>…]",
    ]);
    const [diagnostic] = await lint(flatImageRecipe(['true'], { pkg: 'firefox-Alpine' }), { only });
    expect(compact(diagnostic!)).toBe("flatimage/pkg-name error 3:15-3:21 Base image 'Alpine' in pkg must be lowercase: 'alpine'");
    expect(diagnostic!.fix).toEqual([{ start: diagnostic!.start, end: diagnostic!.end, text: 'alpine' }]);
  });

  it('reports a file extension inside pkg, with a fix that removes it', async () => {
    const text = flatImageRecipe(['true'], { pkg: 'firefox-alpine.flatimage' });
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "flatimage/pkg-name error 3:21-3:31 pkg 'firefox-alpine.flatimage' includes the file extension '.flatimage': pkg is the package name; the builder adds the extension to ${SBUILD_PKG}",
    ]);
    const fix = diagnostics[0]!.fix![0]!;
    expect(text.slice(0, fix.start) + fix.text + text.slice(fix.end)).toContain('pkg: "firefox-alpine"\n');
  });

  it('takes extra base images from the settings', async () => {
    expect(await check('firefox-gentoo', ['Gentoo'])).toEqual([]);
  });

  it('only checks FlatImage recipes', async () => {
    expect(await lint(flatImageRecipe(['true'], { pkg: 'firefox', pkgType: 'pkg_type: "appimage"' }), { only })).toEqual([]);
  });

  it('checks a pkg an alias stands for, at the alias, without a fix', async () => {
    const text = flatImageRecipe(['true'], { pkg: 'x' }).replace('pkg: "x"', 'x_pkg: &p "firefox-Alpine.flatimage"\npkg: *p');
    const diagnostics = await lint(text, { only, config: { rules: {}, settings: { flatimage: { extraBaseImages: [] } } } });
    expect(diagnostics.map(compact)).toEqual([
      "flatimage/pkg-name error 4:6-4:8 Base image 'Alpine' in pkg must be lowercase: 'alpine' (the value of alias *p, anchored on line 3)",
      "flatimage/pkg-name error 4:6-4:8 pkg 'firefox-Alpine.flatimage' includes the file extension '.flatimage': pkg is the package name; the builder adds the extension to ${SBUILD_PKG} (the value of alias *p, anchored on line 3)",
    ]);
    expect(diagnostics.map((d) => d.fix)).toEqual([undefined, undefined]);
  });
});
