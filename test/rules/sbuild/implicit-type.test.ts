import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';
import { applyFix } from './apply-fix.js';

const only = 'sbuild/implicit-type';

describe('sbuild/implicit-type', () => {
  it('reports a version YAML reads as a number and quotes it, keeping the written text', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: 1.10 # pinned');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual(['sbuild/implicit-type error 6:9-6:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10"']);
    expect(applyFix(text, diagnostics[0]!)).toBe(text.replace('pkgver: 1.10 # pinned', 'pkgver: "1.10" # pinned'));
  });

  it('reports a quoted boolean and unquotes it', async () => {
    const text = VALID_RECIPE.replace('_disabled: false', "_disabled: 'false'");
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual(["sbuild/implicit-type error 2:12-2:19 _disabled must be a boolean, but 'false' is a quoted string: write false without quotes"]);
    expect(applyFix(text, diagnostics[0]!)).toBe(VALID_RECIPE);
  });

  it('reports yes/no/on/off, which YAML 1.2 keeps as strings, where a boolean is expected', async () => {
    const text = VALID_RECIPE.replace('_disabled: false', '_disabled: no');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual(['sbuild/implicit-type error 2:12-2:14 _disabled must be a boolean, but YAML 1.2 reads no as a string: write false']);
    expect(applyFix(text, diagnostics[0]!)).toBe(VALID_RECIPE);
  });

  it('reports numbers and booleans in lists of strings', async () => {
    const text = VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - true\nprovides:\n  - 2048');
    expect((await lint(text, { only })).map(compact)).toEqual([
      'sbuild/implicit-type error 8:5-8:9 category[1] must be a string, but YAML reads true as a boolean: quote it as "true"',
      'sbuild/implicit-type error 10:5-10:9 provides[0] must be a string, but YAML reads 2048 as a number: quote it as "2048"',
    ]);
  });

  it('accepts quoted versions, real booleans, and numbers where the schema expects no string', async () => {
    expect(await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: "1.10"'), { only })).toEqual([]);
    expect(await lint(VALID_RECIPE, { only })).toEqual([]);
    // A list where a string is expected is a schema error, not a typing accident.
    expect((await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: [1]'), { only: ['sbuild/implicit-type', 'sbuild/schema'] })).map((d) => d.ruleId)).toEqual(['sbuild/schema']);
  });

  it('reports a value an alias stands for at the alias, quoting the anchored text, without a fix', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\nx_v: &v 1.10\npkgver: *v').replace('_disabled: false', "x_b: &b 'false'\n_disabled: *b");
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/implicit-type error 3:12-3:14 _disabled must be a boolean, but 'false' is a quoted string: write false without quotes (the value of alias *b, anchored on line 2)",
      'sbuild/implicit-type error 8:9-8:11 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10" (the value of alias *v, anchored on line 7)',
    ]);
    expect(diagnostics.map((d) => d.fix)).toEqual([undefined, undefined]);
  });
});
