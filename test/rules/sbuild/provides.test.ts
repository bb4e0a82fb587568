import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/provides';
const withProvides = (...entries: string[]) => VALID_RECIPE.replace('src_url:', ['provides:', ...entries.map((entry) => `  - ${entry}`), 'src_url:'].join('\n'));

describe('sbuild/provides', () => {
  it('reports malformed entries at the item', async () => {
    const text = withProvides('future-vuls"', '"busybox==ls==cat"', '"rg=>"', '"a==b:c"', '"my prog"', '"prog=alias"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      `sbuild/provides error 14:5-14:17 'future-vuls"' is not a valid provides entry: 'future-vuls"' contains '"', which a program name cannot hold (expected prog, prog:alias, prog==link or prog=>name)`,
      "sbuild/provides error 15:5-15:23 'busybox==ls==cat' is not a valid provides entry: it has more than one '=='; write one entry per symlink (expected prog, prog:alias, prog==link or prog=>name)",
      "sbuild/provides error 16:5-16:11 'rg=>' is not a valid provides entry: a name after a separator is empty (expected prog, prog:alias, prog==link or prog=>name)",
      "sbuild/provides error 17:5-17:13 'a==b:c' is not a valid provides entry: it mixes the separators '==' and ':'; use one form per entry (expected prog, prog:alias, prog==link or prog=>name)",
      "sbuild/provides error 18:5-18:14 'my prog' is not a valid provides entry: 'my prog' contains white space, which a program name cannot hold (expected prog, prog:alias, prog==link or prog=>name)",
      "sbuild/provides error 19:5-19:17 'prog=alias' is not a valid provides entry: 'prog=alias' contains '=', which a program name cannot hold (expected prog, prog:alias, prog==link or prog=>name)",
    ]);
  });

  it('checks the provides of each package of a multi-package recipe', async () => {
    const text = VALID_RECIPE.replace('src_url:', 'packages:\n  coreutils:\n    provides:\n      - ":ls"\nsrc_url:');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/provides error 16:9-16:14 ':ls' is not a valid provides entry: the program name before the separator is empty (expected prog, prog:alias, prog==link or prog=>name)",
    ]);
  });

  it('accepts every documented form, and names such as [', async () => {
    const text = withProvides('"hello"', '"chaos:chaos-cli:cc"', '"busybox==whoami"', '"ripgrep=>rg"', '"test==["', '"notepad++"');
    expect(await lint(text, { only })).toEqual([]);
  });

  it('checks provides entries an alias stands for, at the alias', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&p "my prog"]').replace('src_url:', 'provides: [*p]\nsrc_url:');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/provides error 14:12-14:14 'my prog' is not a valid provides entry: 'my prog' contains white space, which a program name cannot hold (expected prog, prog:alias, prog==link or prog=>name) (the value of alias *p, anchored on line 6)",
    ]);
  });
});
