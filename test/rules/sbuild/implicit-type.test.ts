import { describe, expect, it } from 'vitest';
import { atTarget, compact, lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const pinned = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: 1.10 # pinned');
const withoutScript = VALID_RECIPE.replace('  pkgver: |\n    echo "1.0.0"\n', '');
// builder-truth §6 (2f1f48e, 2026-02-17): before it, an optional scalar of another type was dropped without a message.
const DROPS = (target: string, rest = '') => `and the ${target} builder drops it without a message${rest} (it rejects it from 2f1f48e, 2026-02-17 on)`;
const PKG_TYPES = 'appbundle, appimage, archive, dynamic, flatimage, gameimage, nixappimage, onelf, runimage, static';
const DESCRIPTION_MAP = (entry: string) => VALID_RECIPE.replace('description: "Prints a greeting"', `description:\n  _default: "Prints a greeting"\n  ${entry}`);
const LOST = ', so the version written is lost and x_exec.pkgver gives the version instead';

ruleTester.run('sbuild/implicit-type', {
  valid: [
    VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: "1.10"'),
    // validator.rs validate_description: a boolean key becomes the string "true" or "false".
    { name: 'a boolean as a description key', code: DESCRIPTION_MAP('true: "Yes"') },
    { name: 'a quoted number as a description key', code: DESCRIPTION_MAP('"42": "The answer"') },
    // builder-truth §6: packages exists from 76bdd66 (2026-02) on; before, sbuild/unknown-key reports the key.
    { name: 'a number as a package name where the target builder drops packages', code: VALID_RECIPE.replace('src_url:', 'packages:\n  2048:\n    provides: ["hello"]\nsrc_url:'), settings: { target: '2026-01' } },
    VALID_RECIPE,
    // saphyr reads a quoted scalar as a string whatever its tag.
    { name: 'a quoted version with a !!int tag', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: !!int "12"') },
    // builder-truth §1.1: from 2f1f48e (2026-02-17) on the builder drops _disabled_reason unread (sbuild/unknown-key says so).
    { name: 'a key the target builder drops', code: VALID_RECIPE.replace('_disabled: false', '_disabled: true\n_disabled_reason: 5') },
  ],
  invalid: [
    {
      // sbuild-linter-behaviour §2.4: the builder's parser (saphyr) reads YAML 1.2 whatever the %YAML directive says.
      name: 'a YAML 1.1 boolean under a %YAML 1.1 directive',
      code: VALID_RECIPE.replace('#!/SBUILD ver @v1.0.0\n', '#!/SBUILD ver @v1.0.0\n%YAML 1.1\n---\n').replace('_disabled: false', '_disabled: no'),
      errors: ['sbuild/implicit-type error 4:12-4:14 _disabled must be a boolean, but YAML 1.2 reads no as a string: write false'],
      output: VALID_RECIPE.replace('#!/SBUILD ver @v1.0.0\n', '#!/SBUILD ver @v1.0.0\n%YAML 1.1\n---\n'),
    },
    {
      // saphyr reads a quoted scalar as a string whatever its tag.
      name: 'a quoted boolean with a !!bool tag',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: !!bool "false"'),
      errors: ['sbuild/implicit-type error 2:19-2:26 _disabled must be a boolean, but "false" is a quoted string: write false without quotes'],
      output: VALID_RECIPE.replace('_disabled: false', '_disabled: !!bool false'),
    },
    {
      name: 'a boolean made a string by its tag, which quoting would not mend',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: !!str false'),
      errors: ['sbuild/implicit-type error 2:18-2:23 _disabled must be a boolean, but the tag !!str makes false a string: remove the tag'],
      output: null,
    },
    {
      name: 'a version YAML reads as a number is quoted, keeping the written text',
      code: pinned,
      errors: ['sbuild/implicit-type error 6:9-6:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10"'],
      output: pinned.replace('pkgver: 1.10 # pinned', 'pkgver: "1.10" # pinned'),
    },
    {
      name: 'from 2026-02, a number as pkgver, which the builder rejects',
      code: pinned,
      settings: { target: '2026-02' },
      errors: ['sbuild/implicit-type error 6:9-6:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10"'],
      output: pinned.replace('pkgver: 1.10 # pinned', 'pkgver: "1.10" # pinned'),
    },
    {
      name: 'up to 2026-01, a number as pkgver is a warning: the builder drops it and runs x_exec.pkgver',
      code: pinned,
      settings: { target: '2026-01' },
      errors: [`sbuild/implicit-type warning 6:9-6:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1, ${DROPS('2026-01', LOST)}: quote it as "1.10"`],
      output: pinned.replace('pkgver: 1.10 # pinned', 'pkgver: "1.10" # pinned'),
    },
    {
      name: 'at 2025-11, the same, and other optional scalars such as pkg_id',
      code: pinned.replace('pkg_id: "github.com.example.hello"', 'pkg_id: 2048'),
      settings: { target: '2025-11' },
      errors: [
        `sbuild/implicit-type warning 4:9-4:13 pkg_id must be a string, but YAML reads 2048 as a number, ${DROPS('2025-11')}: quote it as "2048"`,
        `sbuild/implicit-type warning 6:9-6:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1, ${DROPS('2025-11', LOST)}: quote it as "1.10"`,
      ],
      output: pinned.replace('pkg_id: "github.com.example.hello"', 'pkg_id: "2048"').replace('pkgver: 1.10 # pinned', 'pkgver: "1.10" # pinned'),
    },
    {
      name: 'at 2025-12, a number as pkgver beside a string version, which gives the version',
      code: withoutScript.replace('pkg_type: "static"', 'pkgver: 1.10\nversion: "1.10"'),
      settings: { target: '2025-12' },
      errors: [`sbuild/implicit-type warning 5:9-5:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1, ${DROPS('2025-12', ", so the version written is lost and 'version' gives the version instead")}: quote it as "1.10"`],
      output: withoutScript.replace('pkg_type: "static"', 'pkgver: "1.10"\nversion: "1.10"'),
    },
    {
      name: 'up to 2026-01, required fields and list items stay errors',
      code: VALID_RECIPE.replace('_disabled: false', "_disabled: 'false'").replace('pkg: "hello"', 'pkg: 2048').replace('  - "Utility"', '  - true'),
      settings: { target: '2025-11' },
      errors: [
        "sbuild/implicit-type error 2:12-2:19 _disabled must be a boolean, but 'false' is a quoted string: write false without quotes",
        'sbuild/implicit-type error 3:6-3:10 pkg must be a string, but YAML reads 2048 as a number: quote it as "2048"',
        'sbuild/implicit-type error 7:5-7:9 category[0] must be a string, but YAML reads true as a boolean: quote it as "true"',
      ],
      output: VALID_RECIPE.replace('pkg: "hello"', 'pkg: "2048"').replace('  - "Utility"', '  - "true"'),
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
      name: 'a value an alias stands for, at the alias, with the text to write in its place, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\nx_v: &v 1.10\npkgver: *v').replace('_disabled: false', "x_b: &b 'false'\n_disabled: *b"),
      errors: [
        "sbuild/implicit-type error 3:12-3:14 _disabled must be a boolean, but 'false' is a quoted string: write false in place of the alias (the value of alias *b, anchored on line 2)",
        'sbuild/implicit-type error 8:9-8:11 pkgver must be a string, but YAML reads 1.10 as the number 1.1: write "1.10" in place of the alias (the value of alias *v, anchored on line 7)',
      ],
      output: null,
    },
    {
      // builder-truth §4.9, sbuild-linter-behaviour §2.9 (validator.rs validate_description): a key that is not a string
      // (nor a boolean, which becomes "true" or "false") is an error, and the whole description is rejected.
      name: 'a number as a description key, which the builder rejects where the data reads it as a string',
      code: DESCRIPTION_MAP('42: "The answer"'),
      errors: ['sbuild/implicit-type error 10:3-10:5 description key 42 must be a string, but YAML reads it as a number: quote it as "42"'],
      output: DESCRIPTION_MAP('"42": "The answer"'),
    },
    {
      name: 'a number as a description key of a flow map, the number as read when it differs from the text',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description: {_default: "x", 1.10: "y"}'),
      errors: ['sbuild/implicit-type error 8:30-8:34 description key 1.10 must be a string, but YAML reads it as the number 1.1: quote it as "1.10"'],
      output: VALID_RECIPE.replace('description: "Prints a greeting"', 'description: {_default: "x", "1.10": "y"}'),
    },
    {
      name: 'a number as a description key through an alias: the text to write in its place, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\nx_k: &k 42').replace('description: "Prints a greeting"', 'description:\n  _default: "x"\n  *k : "y"'),
      errors: ['sbuild/implicit-type error 11:3-11:5 description key 42 must be a string, but YAML reads it as a number: write "42" in place of the alias (the value of alias *k, anchored on line 6)'],
      output: null,
    },
    {
      name: 'a number as a key of a description map reached through an alias: reported at the alias, quoted where the map is anchored',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'x_d: &d\n  _default: "x"\n  7: "y"\ndescription: *d'),
      errors: ['sbuild/implicit-type error 11:14-11:16 description key 7 must be a string, but YAML reads it as a number: quote it as "7" in the anchored map (the value of alias *d, anchored on line 8)'],
      output: null,
    },
    {
      // validator.rs validate_packages (76bdd66, 2026-02): a package name that is not a string is an error.
      name: 'a number as a package name',
      code: VALID_RECIPE.replace('src_url:', 'packages:\n  2048:\n    provides: ["hello"]\nsrc_url:'),
      errors: ['sbuild/implicit-type error 14:3-14:7 package name 2048 must be a string, but YAML reads it as a number: quote it as "2048"'],
      output: VALID_RECIPE.replace('src_url:', 'packages:\n  "2048":\n    provides: ["hello"]\nsrc_url:'),
    },
    {
      // builder-truth §4.1: a pkg_type not in the list is an error, so quoting a value that is not in it mends nothing.
      name: 'a boolean as pkg_type, whose quoted text is no package type either: the types are named, without a fix',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: false'),
      errors: [`sbuild/implicit-type error 5:11-5:16 pkg_type must be a string, but YAML reads false as a boolean, and 'false' is not a valid pkg_type either: write one of ${PKG_TYPES}`],
      output: null,
    },
    {
      name: 'an alias of a boolean as pkg_type: what it stands for, and the types to write in its place',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: &f false').replace('pkg_type: "static"', 'pkg_type: *f'),
      errors: [`sbuild/implicit-type error 5:11-5:13 pkg_type must be a string, but YAML reads false as a boolean, and 'false' is not a valid pkg_type either: write one of ${PKG_TYPES} in place of the alias (the value of alias *f, anchored on line 2)`],
      output: null,
    },
    {
      name: 'an alias of a number as pkg_type, up to 2026-01: the types to write in its place come after what the builder does',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'x_n: &n 5\npkg_type: *n'),
      settings: { target: '2026-01' },
      errors: [`sbuild/implicit-type warning 6:11-6:13 pkg_type must be a string, but YAML reads 5 as a number, and '5' is not a valid pkg_type either, ${DROPS('2026-01')}: write one of ${PKG_TYPES} in place of the alias (the value of alias *n, anchored on line 5)`],
      output: null,
    },
  ],
});

describe('sbuild/implicit-type', () => {
  it('leaves a list where a string is expected to the schema: it is no typing accident', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: [1]'), { only: ['sbuild/implicit-type', 'sbuild/schema'] });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['sbuild/schema']);
  });

  it('up to 2026-01, leaves a version the builder drops to sbuild/unbuildable when nothing else gives one: one error for one cause', async () => {
    const text = withoutScript.replace('pkg_type: "static"', 'pkgver: 1.10');
    const only = ['sbuild/implicit-type', 'sbuild/unbuildable', 'sbuild/pkgver-conflict'];
    for (const target of ['2025-11', '2026-01']) {
      expect((await lint(text, { only, config: atTarget(target) })).map(compact)).toEqual([
        `sbuild/unbuildable error 5:9-5:13 The recipe has no version source: the ${target} builder drops the top-level pkgver 1.10 without a message because it is not a string (it rejects it from 2f1f48e, 2026-02-17 on), and there is no x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: quote the value, pkgver: "1.10", or add an x_exec.pkgver script`,
      ]);
    }
    for (const target of ['2026-02', '2026-06']) {
      expect((await lint(text, { only, config: atTarget(target) })).map(compact)).toEqual([
        'sbuild/implicit-type error 5:9-5:13 pkgver must be a string, but YAML reads 1.10 as the number 1.1: quote it as "1.10"',
      ]);
    }
  });

  it('leaves version at 2025-11, which that builder drops as unknown, to sbuild/unknown-key', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'version: 1.10');
    const diagnostics = await lint(text, { only: ['sbuild/implicit-type', 'sbuild/unknown-key', 'sbuild/pkgver-conflict'], config: atTarget('2025-11') });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['sbuild/unknown-key']);
  });
});
