import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const withProvides = (...entries: string[]) => VALID_RECIPE.replace('src_url:', ['provides:', ...entries.map((entry) => `  - ${entry}`), 'src_url:'].join('\n'));
const FORMS = '(expected prog, prog:alias, prog==link or prog=>name)';
const withPackages = (...lines: string[]) => VALID_RECIPE.replace('src_url:', ['packages:', ...lines.map((line) => `  ${line}`), 'src_url:'].join('\n'));

ruleTester.run('sbuild/provides', {
  valid: [
    { name: 'every documented form, and names such as [', code: withProvides('"hello"', '"chaos:chaos-cli:cc"', '"busybox==whoami"', '"ripgrep=>rg"', '"test==["', '"notepad++"') },
    { name: 'packages entries that list their programs', code: withPackages('hello:', '  provides: ["hello"]', 'hello-extra:', '  provides: ["extra"]') },
    // builder-truth §6: packages is unknown to the 2025-11 builder, which drops it (sbuild/unknown-key says so).
    { name: 'packages at a target that drops them', code: withPackages('hello: {}'), settings: { target: '2025-11' } },
  ],
  invalid: [
    {
      // builder-truth §4.10: an entry with no provides is a warning of the builder's linter.
      name: 'a packages entry without programs, beside one with',
      code: withPackages('hello:', '  provides: ["hello"]', 'extra: {}'),
      errors: ['sbuild/provides warning 16:3-16:8 packages.extra lists no program in provides: the builder warns, and the package has no program of its own. List its programs or remove the entry'],
      output: null,
    },
    {
      // builder-truth §4.10: with every provides empty nothing is checked, and the build aborts.
      name: 'packages entries of which none lists a program',
      code: withPackages('hello:', '  provides: []', 'extra: {}'),
      errors: ['sbuild/provides error 13:1-13:9 No packages entry lists a program in provides: the builder then looks for none of them and aborts the build (None of the provides exist). List each package’s programs'],
      output: null,
    },
    {
      name: 'malformed entries, at the item',
      code: withProvides('future-vuls"', '"busybox==ls==cat"', '"rg=>"', '"a==b:c"', '"my prog"', '"prog=alias"'),
      errors: [
        `sbuild/provides error 14:5-14:17 'future-vuls"' is not a valid provides entry: 'future-vuls"' contains '"', which a program name cannot hold ${FORMS}`,
        `sbuild/provides error 15:5-15:23 'busybox==ls==cat' is not a valid provides entry: it has more than one '=='; write one entry per symlink ${FORMS}`,
        `sbuild/provides error 16:5-16:11 'rg=>' is not a valid provides entry: a name after a separator is empty ${FORMS}`,
        `sbuild/provides error 17:5-17:13 'a==b:c' is not a valid provides entry: it mixes the separators '==' and ':'; use one form per entry ${FORMS}`,
        `sbuild/provides error 18:5-18:14 'my prog' is not a valid provides entry: 'my prog' contains white space, which a program name cannot hold ${FORMS}`,
        `sbuild/provides error 19:5-19:17 'prog=alias' is not a valid provides entry: 'prog=alias' contains '=', which a program name cannot hold ${FORMS}`,
      ],
      output: null,
    },
    {
      name: 'the provides of each package of a multi-package recipe',
      code: VALID_RECIPE.replace('src_url:', 'packages:\n  coreutils:\n    provides:\n      - ":ls"\nsrc_url:'),
      errors: [`sbuild/provides error 16:9-16:14 ':ls' is not a valid provides entry: the program name before the separator is empty ${FORMS}`],
      output: null,
    },
    {
      name: 'provides entries an alias stands for, at the alias',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&p "my prog"]').replace('src_url:', 'provides: [*p]\nsrc_url:'),
      errors: [`sbuild/provides error 14:12-14:14 'my prog' is not a valid provides entry: 'my prog' contains white space, which a program name cannot hold ${FORMS} (the value of alias *p, anchored on line 6)`],
      output: null,
    },
  ],
});
