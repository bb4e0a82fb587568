import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';
import { applyFix } from './apply-fix.js';

const only = 'sbuild/category';
const withCategories = (...lines: string[]) => VALID_RECIPE.replace('category:\n  - "Utility"', ['category:', ...lines.map((line) => `  - ${line}`)].join('\n'));

describe('sbuild/category', () => {
  it('fixes the case of a registered category', async () => {
    const text = withCategories('"utility"');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual(["sbuild/category error 7:5-7:14 'utility' is not a registered category: categories are case-sensitive, write 'Utility'"]);
    expect(applyFix(text, diagnostics[0]!)).toBe(VALID_RECIPE);
  });

  it('suggests a near category and points at the item', async () => {
    expect((await lint(withCategories('"Utility"', 'Emulater'), { only })).map(compact)).toEqual([
      "sbuild/category error 8:5-8:13 'Emulater' is not a registered freedesktop.org category: did you mean 'Emulator'?",
    ]);
  });

  it('explains the list when nothing is close', async () => {
    expect((await lint(withCategories('"Terminal"'), { only })).map(compact)).toEqual([
      "sbuild/category error 7:5-7:15 'Terminal' is not a registered freedesktop.org category: use a Main or Additional category of the freedesktop.org menu specification (e.g. Utility), and `tag` for free-form keywords",
    ]);
  });

  it('accepts main, additional and reserved categories', async () => {
    expect(await lint(withCategories('"Utility"', '"ConsoleOnly"', '"Emulator"', '"TrayIcon"'), { only })).toEqual([]);
  });

  it('checks a category an alias stands for, at the alias, without a fix', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&c "utility", &d "Emulater"]').replace('category:\n  - "Utility"', 'category: [*c, *d]');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/category error 7:12-7:14 'utility' is not a registered category: categories are case-sensitive, write 'Utility' (the value of alias *c, anchored on line 6)",
      "sbuild/category error 7:16-7:18 'Emulater' is not a registered freedesktop.org category: did you mean 'Emulator'? (the value of alias *d, anchored on line 6)",
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });
});
