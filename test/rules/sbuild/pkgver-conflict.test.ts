import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/pkgver-conflict';

describe('sbuild/pkgver-conflict', () => {
  it('warns at x_exec.pkgver when a top-level pkgver fixes the version', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: "1.0.0"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/pkgver-conflict warning 18:3-18:9 x_exec.pkgver is ignored because the top-level 'pkgver' (line 6) fixes the version: remove one of them",
    ]);
  });

  it('treats the version alias like pkgver', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'version: "1.0.0"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/pkgver-conflict warning 17:3-17:9 x_exec.pkgver is ignored because the top-level 'version' (line 5) fixes the version: remove one of them",
    ]);
  });

  it('accepts either one alone, and an empty top-level pkgver (which the builder drops)', async () => {
    expect(await lint(VALID_RECIPE, { only })).toEqual([]);
    expect(await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: ""'), { only })).toEqual([]);
    const pinned = VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: "1.0.0"').replace('  pkgver: |\n    echo "1.0.0"\n', '');
    expect(await lint(pinned, { only })).toEqual([]);
  });

  it('sees a top-level version and an x_exec an alias stands for', async () => {
    const exec = VALID_RECIPE.slice(VALID_RECIPE.indexOf('x_exec:\n') + 'x_exec:\n'.length);
    const text = VALID_RECIPE.slice(0, VALID_RECIPE.indexOf('x_exec:\n')).replace('_disabled: false', `_disabled: false\nx_v: &v "1.0.0"\nx_x: &x\n${exec.trimEnd()}`) + 'pkgver: *v\nx_exec: *x\n';
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/pkgver-conflict warning 23:9-23:11 x_exec.pkgver is ignored because the top-level 'pkgver' (line 22) fixes the version: remove one of them (the value of alias *x, anchored on line 4)",
    ]);
  });
});
