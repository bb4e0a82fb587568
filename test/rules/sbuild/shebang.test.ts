import { recipe, ruleTester } from '../../helpers.js';

ruleTester.run('sbuild/shebang', {
  valid: [
    { name: 'the bare shebang', code: recipe('#!/SBUILD', 'pkg: a') },
    { name: 'the versioned shebang', code: recipe('#!/SBUILD ver @v1.0.0    ', 'pkg: a') },
    // builder-truth §4.1: the builder trims line 1 before it looks for the shebang.
    { name: 'a shebang after blanks', code: recipe('  \t#!/SBUILD', 'pkg: a') },
  ],
  invalid: [
    {
      // builder-truth §4.1: the builder's linter warns and discards line 1 anyway, here the pkg field.
      name: 'a field on line 1, which the builder never reads',
      code: recipe('pkg: a', 'pkg_id: b'),
      errors: ["sbuild/shebang error 1:1-1:7 Line 1 is not '#!/SBUILD', and the builder discards line 1 unread: 'pkg: a' is lost. Insert '#!/SBUILD ver @v1.0.0' as line 1"],
      output: recipe('#!/SBUILD ver @v1.0.0', 'pkg: a', 'pkg_id: b'),
    },
    {
      name: 'a comment on line 1: nothing is lost, the shebang is missing',
      code: recipe('# hello', 'pkg: a'),
      errors: ["sbuild/shebang warning 1:1-1:8 Missing '#!/SBUILD' first line: SBUILD recipes start with '#!/SBUILD ver @v1.0.0'"],
      output: recipe('#!/SBUILD ver @v1.0.0', '# hello', 'pkg: a'),
    },
    {
      name: 'a late shebang, named by its line, without a fix',
      code: recipe('##All binaries segfault', '', '#!/SBUILD ver @v1.0.0', 'pkg: a'),
      errors: ["sbuild/shebang warning 1:1-1:24 '#!/SBUILD' must be the first line of the recipe, found on line 3"],
      output: null,
    },
  ],
});
