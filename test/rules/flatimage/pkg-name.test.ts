import { ruleTester } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const KNOWN = 'known base images: alpine, arch, archlinux, artix, blueprint, cachyos, debian, eweos, ubuntu, void-glibc, void-musl';
const named = (pkg: string) => flatImageRecipe(['true'], { pkg });

ruleTester.run('flatimage/pkg-name', {
  valid: [
    ...['firefox-alpine', 'steam-cachyos', 'librewolf-alpine-nix', 'ungoogled-chromium-void-glibc', 'draw.io-debian', '7z-arch'].map((pkg) => ({ name: pkg, code: named(pkg) })),
    { name: 'an extra base image from the settings', code: named('firefox-gentoo'), settings: { flatimage: { extraBaseImages: ['Gentoo'] } } },
    { name: 'a recipe that is no FlatImage', code: flatImageRecipe(['true'], { pkg: 'firefox', pkgType: 'pkg_type: "appimage"' }) },
  ],
  invalid: [
    {
      name: 'a missing base',
      code: named('firefox'),
      errors: [`flatimage/pkg-name error 3:7-3:14 pkg 'firefox' names no base image: a FlatImage pkg is <name>-<base>[-<modifier>…], e.g. 'firefox-alpine' (${KNOWN})`],
      output: null,
    },
    {
      name: 'an unknown base',
      code: named('firefox-windows'),
      errors: [
        `flatimage/pkg-name error 3:15-3:22 Unknown base image 'windows' in pkg 'firefox-windows': a FlatImage pkg is <name>-<base>[-<modifier>…] (${KNOWN}; flatimage.extraBaseImages in the configuration adds more)`,
      ],
      output: null,
    },
    {
      name: 'a near miss of a base',
      code: named('firefox-alpnie'),
      errors: ["flatimage/pkg-name error 3:15-3:21 Unknown base image 'alpnie' in pkg 'firefox-alpnie'; did you mean 'alpine'?"],
      output: null,
    },
    {
      name: 'a near miss of a base with a dash',
      code: named('firefox-void-gilbc'),
      errors: ["flatimage/pkg-name error 3:15-3:25 Unknown base image 'void-gilbc' in pkg 'firefox-void-gilbc'; did you mean 'void-glibc'?"],
      output: null,
    },
    {
      name: 'an empty name',
      code: named('-alpine'),
      errors: ["flatimage/pkg-name error 3:7-3:8 pkg '-alpine' has an empty name before the base image: a FlatImage pkg is <name>-<base>[-<modifier>…], e.g. 'firefox-alpine'"],
      output: null,
    },
    {
      name: 'an empty segment',
      code: named('firefox--alpine'),
      errors: ["flatimage/pkg-name error 3:14-3:15 pkg 'firefox--alpine' has an empty segment ('--' or a trailing '-'): a FlatImage pkg is <name>-<base>[-<modifier>…]"],
      output: null,
    },
    {
      name: 'a base in capitals, which the fix lowercases',
      code: named('firefox-Alpine'),
      errors: [{ message: "Base image 'Alpine' in pkg must be lowercase: 'alpine'", line: 3, column: 15, endLine: 3, endColumn: 21, severity: 'error', fix: 'safe' }],
      output: named('firefox-alpine'),
      safeOutput: named('firefox-alpine'),
    },
    {
      name: 'a file extension inside pkg, which the fix removes',
      code: named('firefox-alpine.flatimage'),
      errors: [
        "flatimage/pkg-name error 3:21-3:31 pkg 'firefox-alpine.flatimage' includes the file extension '.flatimage': pkg is the package name; the builder adds the extension to ${SBUILD_PKG}",
      ],
      output: named('firefox-alpine'),
      // Removing text from pkg is an unsafe fix: --fix alone leaves it.
      safeOutput: null,
    },
    {
      name: 'a pkg an alias stands for, at the alias, without a fix',
      code: named('x').replace('pkg: "x"', 'x_pkg: &p "firefox-Alpine.flatimage"\npkg: *p'),
      errors: [
        "flatimage/pkg-name error 4:6-4:8 Base image 'Alpine' in pkg must be lowercase: 'alpine' (the value of alias *p, anchored on line 3)",
        "flatimage/pkg-name error 4:6-4:8 pkg 'firefox-Alpine.flatimage' includes the file extension '.flatimage': pkg is the package name; the builder adds the extension to ${SBUILD_PKG} (the value of alias *p, anchored on line 3)",
      ],
      output: null,
    },
  ],
});
