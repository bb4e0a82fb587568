import { describe, expect, it } from 'vitest';
import { lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const exec = VALID_RECIPE.slice(VALID_RECIPE.indexOf('x_exec:\n') + 'x_exec:\n'.length);

ruleTester.run('sbuild/pkgver-conflict', {
  valid: [
    { name: 'x_exec.pkgver alone', code: VALID_RECIPE },
    { name: 'an empty top-level pkgver, which the builder drops', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: ""') },
    { name: 'at 2025-11, version, which that builder drops as unknown', code: VALID_RECIPE.replace('pkg_type: "static"', 'version: "1.0"'), settings: { target: '2025-11' } },
    { name: 'up to 2026-01, a number as pkgver, which that builder drops', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: 1.10'), settings: { target: '2026-01' } },
    { name: 'at 2025-12, a boolean as version, which that builder drops', code: VALID_RECIPE.replace('pkg_type: "static"', 'version: true'), settings: { target: '2025-12' } },
    { name: 'a top-level pkgver alone', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: "1.0.0"').replace('  pkgver: |\n    echo "1.0.0"\n', '') },
  ],
  invalid: [
    {
      name: 'x_exec.pkgver when a top-level pkgver fixes the version',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: "1.0.0"'),
      errors: ["sbuild/pkgver-conflict warning 18:3-18:9 x_exec.pkgver is ignored because the top-level 'pkgver' fixes the version: remove one of them"],
      output: null,
    },
    {
      name: 'at 2025-11, a string pkgver',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: "1.0"'),
      settings: { target: '2025-11' },
      errors: ["sbuild/pkgver-conflict warning 17:3-17:9 x_exec.pkgver is ignored because the top-level 'pkgver' fixes the version: remove one of them"],
      output: null,
    },
    {
      name: 'the version alias, from 2025-12 on',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'version: "1.0"'),
      settings: { target: '2025-12' },
      errors: ["sbuild/pkgver-conflict warning 17:3-17:9 x_exec.pkgver is ignored because the top-level 'version' fixes the version: remove one of them"],
      output: null,
    },
    {
      name: 'from 2026-02, a number as pkgver, which that builder rejects rather than drops (sbuild/implicit-type says so)',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: 1.10'),
      settings: { target: '2026-02' },
      errors: ["sbuild/pkgver-conflict warning 17:3-17:9 x_exec.pkgver is ignored because the top-level 'pkgver' fixes the version: remove one of them"],
      output: null,
    },
    {
      name: 'up to 2026-01, a string version besides a number as pkgver',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: 1.10\nversion: "1.10"'),
      settings: { target: '2026-01' },
      errors: ["sbuild/pkgver-conflict warning 18:3-18:9 x_exec.pkgver is ignored because the top-level 'version' fixes the version: remove one of them"],
      output: null,
    },
    {
      name: 'the version alias, like pkgver',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'version: "1.0.0"'),
      errors: ["sbuild/pkgver-conflict warning 17:3-17:9 x_exec.pkgver is ignored because the top-level 'version' fixes the version: remove one of them"],
      output: null,
    },
    {
      name: 'a top-level version and an x_exec an alias stands for',
      code: VALID_RECIPE.slice(0, VALID_RECIPE.indexOf('x_exec:\n')).replace('_disabled: false', `_disabled: false\nx_v: &v "1.0.0"\nx_x: &x\n${exec.trimEnd()}`) + 'pkgver: *v\nx_exec: *x\n',
      errors: [
        "sbuild/pkgver-conflict warning 23:9-23:11 x_exec.pkgver is ignored because the top-level 'pkgver' fixes the version: remove one of them (the value of alias *x, anchored on line 4)",
      ],
      output: null,
    },
  ],
});

describe('sbuild/pkgver-conflict places', () => {
  it('points at the top-level key as a related place', async () => {
    const [diagnostic] = await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: "1.0.0"'), { only: 'sbuild/pkgver-conflict' });
    expect(diagnostic!.related?.map(({ line, column, endLine, endColumn, message }) => ({ line, column, endLine, endColumn, message }))).toEqual([
      { line: 6, column: 1, endLine: 6, endColumn: 7, message: "the top-level 'pkgver'" },
    ]);
  });
});
