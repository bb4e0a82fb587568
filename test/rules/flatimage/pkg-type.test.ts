import { recipe, ruleTester, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const upper = flatImageRecipe(['true'], { pkgType: 'pkg_type: "FlatImage" # the format' });
const downloads = ['curl -o "./${PKG}" "https://example.org/firefox-alpine.flatimage"'];

ruleTester.run('flatimage/pkg-type', {
  valid: [
    { name: 'a FlatImage', code: flatImageRecipe(['"./${PKG}" fim-commit']) },
    { name: 'a GameImage', code: flatImageRecipe(['"./${PKG}" fim-commit'], { pkgType: 'pkg_type: "gameimage"' }) },
    { name: 'no pkg_type and no evidence', code: flatImageRecipe(['echo "fim-commit is not run here"'], { pkgType: null }) },
    { name: 'an unknown value, which is sbuild/schema’s', code: flatImageRecipe(['"./${PKG}" fim-commit'], { pkgType: 'pkg_type: "flatimag"' }) },
  ],
  invalid: [
    {
      name: 'a pkg_type in the wrong case, once, with a fix that keeps the quotes',
      code: upper,
      errors: ["flatimage/pkg-type error 5:11-5:22 pkg_type 'FlatImage' must be lowercase: 'flatimage'"],
      output: upper.replace('"FlatImage"', '"flatimage"'),
    },
    ...[
      ["pkg_type: 'FLATIMAGE'", "pkg_type: 'flatimage'", "flatimage/pkg-type error 3:11-3:22 pkg_type 'FLATIMAGE' must be lowercase: 'flatimage'"],
      ['pkg_type: AppImage', 'pkg_type: appimage', "flatimage/pkg-type error 3:11-3:19 pkg_type 'AppImage' must be lowercase: 'appimage'"],
    ].map(([line, fixed, error]) => ({
      name: `${line}: single-quoted and plain values, and other formats`,
      code: recipe('#!/SBUILD', 'pkg: "firefox-alpine"', line!),
      errors: [error!],
      output: recipe('#!/SBUILD', 'pkg: "firefox-alpine"', fixed!),
    })),
    {
      name: 'an evident FlatImage without pkg_type, at pkg, saying why',
      code: flatImageRecipe(['"./${PKG}" fim-perms add home,network'], { pkgType: null }),
      errors: [
        'flatimage/pkg-type error 3:1-3:4 This recipe builds a FlatImage (the run script calls fim-perms on the image) but has no pkg_type: add pkg_type: "flatimage"',
      ],
      output: null,
    },
    {
      name: 'a different pkg_type on an evident FlatImage, at the value',
      code: flatImageRecipe(downloads, { pkgType: 'pkg_type: "appimage"' }),
      path: 'packages/firefox/flatimage.official.stable.yaml',
      errors: [
        "flatimage/pkg-type error 5:11-5:21 pkg_type is 'appimage' but this recipe builds a FlatImage (the file name flatimage.official.stable.yaml says flatimage; the run script downloads or copies a .flatimage file (curl)): set pkg_type: \"flatimage\"",
      ],
      output: null,
    },
    {
      name: 'a pkg_type an alias stands for, at the alias, without a fix',
      code: flatImageRecipe(['true'], { pkgType: 'pkg_type: *t' }).replace('_disabled: false', '_disabled: false\nx_t: &t "FlatImage"'),
      errors: ["flatimage/pkg-type error 6:11-6:13 pkg_type 'FlatImage' must be lowercase: 'flatimage' (the value of alias *t, anchored on line 3)"],
      output: null,
    },
    {
      name: 'a pkg_type and a run script that aliases stand for',
      code: withAliasedRun(flatImageRecipe(downloads, { pkgType: 'pkg_type: *t' })).replace('_disabled: false', '_disabled: false\nx_t: &t "appimage"'),
      errors: [
        "flatimage/pkg-type error 6:11-6:13 pkg_type is 'appimage' but this recipe builds a FlatImage (the run script downloads or copies a .flatimage file (curl)): set pkg_type: \"flatimage\" (the value of alias *t, anchored on line 3)",
      ],
      output: null,
    },
  ],
});
