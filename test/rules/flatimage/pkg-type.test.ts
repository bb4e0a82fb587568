import { describe, expect, it } from 'vitest';
import { compact, lint, recipe, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const only = 'flatimage/pkg-type';

describe('flatimage/pkg-type', () => {
  it('reports a pkg_type in the wrong case once, with a fix that keeps the quotes', async () => {
    const text = flatImageRecipe(['true'], { pkgType: 'pkg_type: "FlatImage" # the format' });
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual(["flatimage/pkg-type error 5:11-5:22 pkg_type 'FlatImage' must be lowercase: 'flatimage'"]);
    const [fix] = diagnostics[0]!.fix!;
    expect(text.slice(0, fix!.start) + fix!.text + text.slice(fix!.end)).toBe(text.replace('"FlatImage"', '"flatimage"'));
  });

  it('fixes plain and single-quoted values and other formats too', async () => {
    for (const [line, fixed] of [
      ["pkg_type: 'FLATIMAGE'", "pkg_type: 'flatimage'"],
      ['pkg_type: AppImage', 'pkg_type: appimage'],
    ] as const) {
      const text = recipe('#!/SBUILD', 'pkg: "firefox-alpine"', line);
      const [diagnostic] = await lint(text, { only });
      const fix = diagnostic!.fix![0]!;
      expect(text.slice(0, fix.start) + fix.text + text.slice(fix.end)).toBe(text.replace(line, fixed));
    }
  });

  it('reports an evident FlatImage without pkg_type at pkg, saying why', async () => {
    const text = flatImageRecipe(['"./${PKG}" fim-perms add home,network'], { pkgType: null });
    expect((await lint(text, { only })).map(compact)).toEqual([
      'flatimage/pkg-type error 3:1-3:4 This recipe builds a FlatImage (the run script calls fim-perms on the image at 19:5) but has no pkg_type: add pkg_type: "flatimage"',
    ]);
  });

  it('reports a different pkg_type on an evident FlatImage at the value', async () => {
    const text = flatImageRecipe(['curl -o "./${PKG}" "https://example.org/firefox-alpine.flatimage"'], { pkgType: 'pkg_type: "appimage"' });
    expect((await lint(text, { only, path: 'packages/firefox/flatimage.official.stable.yaml' })).map(compact)).toEqual([
      "flatimage/pkg-type error 5:11-5:21 pkg_type is 'appimage' but this recipe builds a FlatImage (the file name flatimage.official.stable.yaml says flatimage; the run script downloads or copies a .flatimage file (curl) at 19:5): set pkg_type: \"flatimage\"",
    ]);
  });

  it('accepts FlatImages, GameImages and recipes without evidence, and leaves unknown values to the schema', async () => {
    expect(await lint(flatImageRecipe(['"./${PKG}" fim-commit']), { only })).toEqual([]);
    expect(await lint(flatImageRecipe(['"./${PKG}" fim-commit'], { pkgType: 'pkg_type: "gameimage"' }), { only })).toEqual([]);
    expect(await lint(flatImageRecipe(['echo "fim-commit is not run here"'], { pkgType: null }), { only })).toEqual([]);
    expect(await lint(flatImageRecipe(['"./${PKG}" fim-commit'], { pkgType: 'pkg_type: "flatimag"' }), { only })).toEqual([]);
  });

  it('reads a pkg_type and a run script that aliases stand for, and reports at the alias without a fix', async () => {
    const upper = flatImageRecipe(['true'], { pkgType: 'pkg_type: *t' }).replace('_disabled: false', '_disabled: false\nx_t: &t "FlatImage"');
    const diagnostics = await lint(upper, { only });
    expect(diagnostics.map(compact)).toEqual(["flatimage/pkg-type error 6:11-6:13 pkg_type 'FlatImage' must be lowercase: 'flatimage' (the value of alias *t, anchored on line 3)"]);
    expect(diagnostics[0]!.fix).toBeUndefined();
    const other = withAliasedRun(flatImageRecipe(['curl -o "./${PKG}" "https://example.org/firefox-alpine.flatimage"'], { pkgType: 'pkg_type: *t' })).replace('_disabled: false', '_disabled: false\nx_t: &t "appimage"');
    expect((await lint(other, { only })).map(compact)).toEqual([
      "flatimage/pkg-type error 6:11-6:13 pkg_type is 'appimage' but this recipe builds a FlatImage (the run script downloads or copies a .flatimage file (curl) at 18:5): set pkg_type: \"flatimage\" (the value of alias *t, anchored on line 3)",
    ]);
  });
});
