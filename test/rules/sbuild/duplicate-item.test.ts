import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const repeated = VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - "ConsoleOnly"\n  - "Utility" # again');
const throughAlias = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&u "Utility"]').replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - *u');
const aliasedList = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: &t ["cli", "cli"]')
  .replace('category:\n  - "Utility"', 'category:\n  - "Utility"\nsrc_url: *t')
  .replace('src_url:\n  - "https://github.com/example/hello"\n', '');

ruleTester.run('sbuild/duplicate-item', {
  valid: [
    { name: 'lists without repeats', code: VALID_RECIPE },
    { name: 'repeats in different lists', code: VALID_RECIPE.replace('pkg_type: "static"', 'tag: ["Utility"]\nprovides: ["hello"]\nrepology: ["hello"]') },
  ],
  invalid: [
    {
      name: 'the repeated item, whose line the fix removes, comment included',
      code: repeated,
      errors: ["sbuild/duplicate-item warning 9:5-9:14 'Utility' is listed more than once in category (first on line 7): remove the repeated entry"],
      output: repeated.replace('  - "Utility" # again\n', ''),
    },
    {
      name: 'x_exec.host compared case-insensitively, as the builder does',
      code: VALID_RECIPE.replace('x_exec:\n', 'x_exec:\n  host:\n    - "x86_64-Linux"\n    - "x86_64-linux"\n'),
      errors: ["sbuild/duplicate-item warning 18:7-18:21 'x86_64-linux' is listed more than once in x_exec.host (first on line 17): remove the repeated entry"],
      output: VALID_RECIPE.replace('x_exec:\n', 'x_exec:\n  host:\n    - "x86_64-Linux"\n'),
    },
    {
      name: 'repeats in a flow list, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'tag: ["cli", "tool", "cli"]'),
      errors: ["sbuild/duplicate-item warning 5:22-5:27 'cli' is listed more than once in tag (first on line 5): remove the repeated entry"],
      output: null,
    },
    {
      name: 'a repeat made through an alias, at the alias',
      code: throughAlias,
      errors: [
        "sbuild/duplicate-item warning 9:5-9:7 'Utility' is listed more than once in category (first on line 8): remove the repeated entry (the value of alias *u, anchored on line 6)",
      ],
      output: throughAlias.replace('  - *u\n', ''),
    },
    {
      name: 'repeats inside an aliased list, at the alias without a fix',
      code: aliasedList,
      errors: [
        "sbuild/duplicate-item warning 6:17-6:22 'cli' is listed more than once in tag (first on line 6): remove the repeated entry",
        "sbuild/duplicate-item warning 9:10-9:12 'cli' is listed more than once in src_url (first on line 9): remove the repeated entry (the value of alias *t, anchored on line 6)",
      ],
      output: null,
    },
  ],
});
