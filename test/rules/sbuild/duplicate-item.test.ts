import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';
import { applyFix } from './apply-fix.js';

const only = 'sbuild/duplicate-item';

describe('sbuild/duplicate-item', () => {
  it('reports the repeated item and removes its line, comment included', async () => {
    const text = VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - "ConsoleOnly"\n  - "Utility" # again');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/duplicate-item warning 9:5-9:14 'Utility' is listed more than once in category (first on line 7): remove the repeated entry",
    ]);
    expect(applyFix(text, diagnostics[0]!)).toBe(text.replace('  - "Utility" # again\n', ''));
  });

  it('compares x_exec.host case-insensitively, as the builder does', async () => {
    const text = VALID_RECIPE.replace('x_exec:\n', 'x_exec:\n  host:\n    - "x86_64-Linux"\n    - "x86_64-linux"\n');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/duplicate-item warning 18:7-18:21 'x86_64-linux' is listed more than once in x_exec.host (first on line 17): remove the repeated entry",
    ]);
  });

  it('reports repeats in a flow list without a fix', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('pkg_type: "static"', 'tag: ["cli", "tool", "cli"]'), { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/duplicate-item warning 5:22-5:27 'cli' is listed more than once in tag (first on line 5): remove the repeated entry",
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });

  it('accepts lists without repeats and repeats in different lists', async () => {
    expect(await lint(VALID_RECIPE, { only })).toEqual([]);
    expect(await lint(VALID_RECIPE.replace('pkg_type: "static"', 'tag: ["Utility"]\nprovides: ["hello"]\nrepology: ["hello"]'), { only })).toEqual([]);
  });

  it('sees repeats made through aliases and reports them at the alias', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&u "Utility"]').replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - *u');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/duplicate-item warning 9:5-9:7 'Utility' is listed more than once in category (first on line 8): remove the repeated entry (the value of alias *u, anchored on line 6)",
    ]);
    expect(applyFix(text, diagnostics[0]!)).toBe(text.replace('  - *u\n', ''));
  });

  it('sees repeats inside an aliased list, at the alias, without a fix', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: &t ["cli", "cli"]').replace('category:\n  - "Utility"', 'category:\n  - "Utility"\nx_tags: *t');
    const diagnostics = await lint(text.replace('x_tags: *t', 'src_url: *t').replace('src_url:\n  - "https://github.com/example/hello"\n', ''), { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/duplicate-item warning 6:17-6:22 'cli' is listed more than once in tag (first on line 6): remove the repeated entry",
      "sbuild/duplicate-item warning 9:10-9:12 'cli' is listed more than once in src_url (first on line 9): remove the repeated entry (the value of alias *t, anchored on line 6)",
    ]);
    expect(diagnostics[1]!.fix).toBeUndefined();
  });
});
