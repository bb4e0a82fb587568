import { describe, expect, it } from 'vitest';
import { lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const pinned = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: 1.10 # pinned');

ruleTester.run('sbuild/implicit-type', {
  valid: [VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: "1.10"'), VALID_RECIPE],
  invalid: [
    {
      name: 'a version YAML reads as a number is quoted, keeping the written text',
      code: pinned,
      errors: ['sbuild/implicit-type error 6:9-6:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10"'],
      output: pinned.replace('pkgver: 1.10 # pinned', 'pkgver: "1.10" # pinned'),
    },
    {
      name: 'a quoted boolean is unquoted',
      code: VALID_RECIPE.replace('_disabled: false', "_disabled: 'false'"),
      errors: ["sbuild/implicit-type error 2:12-2:19 _disabled must be a boolean, but 'false' is a quoted string: write false without quotes"],
      output: VALID_RECIPE,
    },
    {
      name: 'yes/no/on/off, which YAML 1.2 keeps as strings, where a boolean is expected',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: no'),
      errors: ['sbuild/implicit-type error 2:12-2:14 _disabled must be a boolean, but YAML 1.2 reads no as a string: write false'],
      output: VALID_RECIPE,
    },
    {
      name: 'numbers and booleans in lists of strings',
      code: VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - true\nprovides:\n  - 2048'),
      errors: [
        'sbuild/implicit-type error 8:5-8:9 category[1] must be a string, but YAML reads true as a boolean: quote it as "true"',
        'sbuild/implicit-type error 10:5-10:9 provides[0] must be a string, but YAML reads 2048 as a number: quote it as "2048"',
      ],
      output: VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - "Utility"\n  - "true"\nprovides:\n  - "2048"'),
    },
    {
      name: 'a value an alias stands for, at the alias, quoting the anchored text, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\nx_v: &v 1.10\npkgver: *v').replace('_disabled: false', "x_b: &b 'false'\n_disabled: *b"),
      errors: [
        "sbuild/implicit-type error 3:12-3:14 _disabled must be a boolean, but 'false' is a quoted string: write false without quotes (the value of alias *b, anchored on line 2)",
        'sbuild/implicit-type error 8:9-8:11 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10" (the value of alias *v, anchored on line 7)',
      ],
      output: null,
    },
  ],
});

describe('sbuild/implicit-type', () => {
  it('leaves a list where a string is expected to the schema: it is no typing accident', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: [1]'), { only: ['sbuild/implicit-type', 'sbuild/schema'] });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['sbuild/schema']);
  });
});
