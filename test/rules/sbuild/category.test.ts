import { describe, expect, it } from 'vitest';
import { builderCategories } from '../../../src/rules/sbuild/category.js';
import { fieldData } from '../../../src/sbuild/data.js';
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
      name: 'a short word is not matched with a category it shares too little with',
      code: withCategories('t99', 't9'),
      errors: [
        "sbuild/category error 7:5-7:8 't99' is not a registered freedesktop.org category: use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords",
        "sbuild/category error 8:5-8:7 't9' is not a registered freedesktop.org category: use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords",
      ],
      output: null,
    },
    {
      name: 'a short word with a letter too many is matched',
      code: withCategories('TVs'),
      errors: ["sbuild/category error 7:5-7:8 'TVs' is not a registered freedesktop.org category: did you mean 'TV'?"],
      output: null,
    },
    {
      name: "registered categories missing from the builder's list, which its linter rejects at every release",
      code: withCategories('"LXQt"', '"Engineering"', '"GameTool"', '"LauncherStore"', '"Spirituality"'),
      errors: [
        "sbuild/category error 7:5-7:11 'LXQt' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as 'Qt'",
        "sbuild/category error 8:5-8:18 'Engineering' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as 'Science'",
        "sbuild/category error 9:5-9:15 'GameTool' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as 'Game'",
        "sbuild/category error 10:5-10:20 'LauncherStore' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as 'Game'",
        "sbuild/category error 11:5-11:19 'Spirituality' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as 'Humanities'",
      ],
      output: null,
    },
    {
      name: "at the oldest release too (the builder's list did not change)",
      code: withCategories('"Spirituality"'),
      settings: { target: '2025-11' },
      errors: ["sbuild/category error 7:5-7:19 'Spirituality' is a freedesktop.org category but not one of the builder's 143, so the builder rejects the recipe: use a category it accepts, such as 'Humanities'"],
      output: null,
    },
    {
      name: 'a near miss is not pointed at a category the builder lacks',
      code: withCategories('"Engineerin"'),
      errors: [
        "sbuild/category error 7:5-7:17 'Engineerin' is not a registered freedesktop.org category: use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords",
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

describe('the builder list of sbuild/category', () => {
  it('has the 143 names of the builder (sbuild-linter/src/categories)', () => {
    expect(builderCategories(fieldData('category'))).toHaveLength(143);
  });
});
