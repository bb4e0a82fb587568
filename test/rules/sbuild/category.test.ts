import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const withCategories = (...lines: string[]) => VALID_RECIPE.replace('category:\n  - "Utility"', ['category:', ...lines.map((line) => `  - ${line}`)].join('\n'));

ruleTester.run('sbuild/category', {
  valid: [{ name: 'main, additional and reserved categories', code: withCategories('"Utility"', '"ConsoleOnly"', '"Emulator"', '"TrayIcon"') }],
  invalid: [
    {
      name: 'the case of a registered category is fixed',
      code: withCategories('"utility"'),
      errors: ["sbuild/category error 7:5-7:14 'utility' is not a registered category: categories are case-sensitive, write 'Utility'"],
      output: VALID_RECIPE,
    },
    {
      name: 'a near category is suggested, at the item',
      code: withCategories('"Utility"', 'Emulater'),
      errors: ["sbuild/category error 8:5-8:13 'Emulater' is not a registered freedesktop.org category: did you mean 'Emulator'?"],
      output: null,
    },
    {
      name: 'the list is explained when nothing is close',
      code: withCategories('"Terminal"'),
      errors: [
        "sbuild/category error 7:5-7:15 'Terminal' is not a registered freedesktop.org category: use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords",
      ],
      output: null,
    },
    {
      name: 'a category an alias stands for, at the alias, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&c "utility", &d "Emulater"]').replace('category:\n  - "Utility"', 'category: [*c, *d]'),
      errors: [
        "sbuild/category error 7:12-7:14 'utility' is not a registered category: categories are case-sensitive, write 'Utility' (the value of alias *c, anchored on line 6)",
        "sbuild/category error 7:16-7:18 'Emulater' is not a registered freedesktop.org category: did you mean 'Emulator'? (the value of alias *d, anchored on line 6)",
      ],
      output: null,
    },
  ],
});
