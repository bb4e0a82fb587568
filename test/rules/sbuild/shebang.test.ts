import { recipe, ruleTester } from '../../helpers.js';

ruleTester.run('sbuild/shebang', {
  valid: [
    { name: 'the bare shebang', code: recipe('#!/SBUILD', 'pkg: a') },
    { name: 'the versioned shebang', code: recipe('#!/SBUILD ver @v1.0.0    ', 'pkg: a') },
  ],
  invalid: [
    {
      // builder-truth §4.1: the builder's linter warns and discards line 1 anyway, here the pkg field.
      name: 'a first line that is not #!/SBUILD, which the fix adds',
      code: recipe('pkg: a'),
      errors: ["sbuild/shebang warning 1:1-1:7 Missing '#!/SBUILD' first line: SBUILD recipes start with '#!/SBUILD ver @v1.0.0'"],
      output: recipe('#!/SBUILD ver @v1.0.0', 'pkg: a'),
    },
    {
      name: 'a late shebang, named by its line, without a fix',
      code: recipe('##All binaries segfault', '', '#!/SBUILD ver @v1.0.0', 'pkg: a'),
      errors: ["sbuild/shebang warning 1:1-1:24 '#!/SBUILD' must be the first line of the recipe, found on line 3"],
      output: null,
    },
  ],
});
