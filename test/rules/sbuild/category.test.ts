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
});
