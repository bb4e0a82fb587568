import { describe, expect, it } from 'vitest';
import { lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const repeated = VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - "ConsoleOnly"\n  - "Utility" # again');
const throughAlias = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&u "Utility"]').replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - *u');
const aliasedList = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: &t ["cli", "cli"]')
  .replace('category:\n  - "Utility"', 'category:\n  - "Utility"\nsrc_url: *t')
  .replace('src_url:\n  - "https://github.com/example/hello"\n', '');

const repeatedAurName = VALID_RECIPE.replace('category:', 'distro_pkg:\n  archlinux:\n    aur: ["hello", "hello"]\ncategory:');

ruleTester.run('sbuild/duplicate-item', {
  valid: [
    { name: 'lists without repeats', code: VALID_RECIPE },
    { name: 'repeats in different lists', code: VALID_RECIPE.replace('pkg_type: "static"', 'tag: ["Utility"]\nprovides: ["hello"]\nrepology: ["hello"]') },
    // builder-truth §1.1: from 2f1f48e (2026-02-17) on the builder drops distro_pkg unread (sbuild/unknown-key says so).
    { name: 'repeats inside a key the target builder drops', code: repeatedAurName },
  ],
  invalid: [
    {
      name: 'the repeated item, whose line the fix removes, comment included',
      code: repeated,
      errors: ["sbuild/duplicate-item warning 9:5-9:14 'Utility' is listed more than once in category: remove the repeated entry"],
      output: repeated.replace('  - "Utility" # again\n', ''),
      // The removed line holds a comment: an unsafe fix, which --fix alone leaves.
      safeOutput: null,
    },
    {
      name: 'x_exec.host compared case-insensitively, as the builder does',
      code: VALID_RECIPE.replace('x_exec:\n', 'x_exec:\n  host:\n    - "x86_64-Linux"\n    - "x86_64-linux"\n'),
      errors: ["sbuild/duplicate-item warning 18:7-18:21 'x86_64-linux' is listed more than once in x_exec.host: remove the repeated entry"],
      output: VALID_RECIPE.replace('x_exec:\n', 'x_exec:\n  host:\n    - "x86_64-Linux"\n'),
      safeOutput: VALID_RECIPE.replace('x_exec:\n', 'x_exec:\n  host:\n    - "x86_64-Linux"\n'),
    },
    {
      name: 'repeats inside distro_pkg, for a builder that reads it',
      code: repeatedAurName,
      settings: { target: '2025-11' },
      errors: ["sbuild/duplicate-item warning 8:20-8:27 'hello' is listed more than once in distro_pkg.archlinux.aur: remove the repeated entry"],
      output: null,
    },
    {
      name: 'repeats in a flow list, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'tag: ["cli", "tool", "cli"]'),
      errors: ["sbuild/duplicate-item warning 5:22-5:27 'cli' is listed more than once in tag: remove the repeated entry"],
      output: null,
    },
    {
      name: 'a repeat made through an alias, at the alias',
      code: throughAlias,
      errors: [
        "sbuild/duplicate-item warning 9:5-9:7 'Utility' is listed more than once in category: remove the repeated entry (the value of alias *u, anchored on line 6)",
      ],
      output: throughAlias.replace('  - *u\n', ''),
    },
    {
      name: 'repeats inside an aliased list, at the alias without a fix',
      code: aliasedList,
      errors: [
        "sbuild/duplicate-item warning 6:17-6:22 'cli' is listed more than once in tag: remove the repeated entry",
        "sbuild/duplicate-item warning 9:10-9:12 'cli' is listed more than once in src_url: remove the repeated entry (the value of alias *t, anchored on line 6)",
      ],
      output: null,
    },
  ],
});

describe('sbuild/duplicate-item places', () => {
  it('points at the first entry as a related place, and removes a repeat with a comment only as an unsafe fix', async () => {
    const [diagnostic] = await lint(repeated, { only: 'sbuild/duplicate-item' });
    expect(diagnostic!.related).toEqual([{ line: 7, column: 5, endLine: 7, endColumn: 14, start: diagnostic!.related![0]!.start, end: diagnostic!.related![0]!.start + 9, message: "'Utility' is first listed here" }]);
    expect(repeated.slice(diagnostic!.related![0]!.start, diagnostic!.related![0]!.end)).toBe('"Utility"');
    expect(diagnostic!.fixSafety).toBe('unsafe');
    const [plain] = await lint(repeated.replace(' # again', ''), { only: 'sbuild/duplicate-item' });
    expect(plain!.fixSafety).toBe('safe');
  });
});
