import { describe, expect, it } from 'vitest';
import { compact, lint, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const only = 'flatimage/uncommitted-root';

describe('flatimage/uncommitted-root', () => {
  it('warns about fim-root changes that are never committed', async () => {
    const run = ['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-boot /usr/bin/firefox'];
    expect((await lint(flatImageRecipe(run), { only })).map(compact)).toEqual([
      "flatimage/uncommitted-root warning 19:5-19:24 fim-root on './${PKG}' writes its changes to the overlay beside the file: no later 'fim-commit' (v1.0.x) or 'fim-layer commit binary' (v2.0) puts them into the image, so the package ships without them",
    ]);
  });

  it('warns when the commit comes before the change or goes to another image', async () => {
    const run = ['"./${PKG}" fim-commit', '"./${PKG}" fim-root apk add firefox', '"./other.flatimage" fim-commit'];
    expect((await lint(flatImageRecipe(run), { only })).map((d) => `${d.line}:${d.column}`)).toEqual(['20:5']);
  });

  it('accepts a later fim-commit or fim-layer commit binary on the same image', async () => {
    expect(await lint(flatImageRecipe(['IMG="./${PKG}"', '"$IMG" fim-root apk add firefox', '"${SBUILD_OUTDIR}/${PKG}" fim-commit']), { only })).toEqual([]);
    expect(await lint(flatImageRecipe(['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-layer commit binary']), { only })).toEqual([]);
  });

  it('does not count a commit into a separate layer file', async () => {
    const run = ['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-layer commit layer'];
    expect(await lint(flatImageRecipe(run), { only })).toHaveLength(1);
  });

  it('checks a run script an alias stands for, inside the anchored text, naming the alias', async () => {
    const run = ['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-boot /usr/bin/firefox'];
    expect((await lint(withAliasedRun(flatImageRecipe(run)), { only })).map(compact)).toEqual([
      "flatimage/uncommitted-root warning 17:5-17:24 fim-root on './${PKG}' writes its changes to the overlay beside the file: no later 'fim-commit' (v1.0.x) or 'fim-layer commit binary' (v2.0) puts them into the image, so the package ships without them (x_exec.run is alias *s on line 21, anchored on line 16)",
    ]);
  });
});
