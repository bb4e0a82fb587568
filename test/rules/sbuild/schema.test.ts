import { describe, expect, it } from 'vitest';
import { lint, recipe, ruleTester, VALID_RECIPE } from '../../helpers.js';

const withoutRun = VALID_RECIPE.replace('  run: |\n    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes\n', '');
const licenseMapping = VALID_RECIPE.replace('src_url:', 'license:\n  - id: "MIT"\n    url: "https://example.com/LICENSE"\n  - "MIT"\nsrc_url:');
const onelf = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "onelf"');
const disabledReasonWithoutReason = VALID_RECIPE.replace('_disabled: false', '_disabled: true\n_disabled_reason:\n  broken:\n    - date: "2025-01-01"');
const PKG_TYPES = 'expected one of appbundle, appimage, archive, dynamic, flatimage, gameimage, nixappimage, onelf, runimage, static';

ruleTester.run('sbuild/schema', {
  valid: [
    { name: 'a valid recipe', code: VALID_RECIPE },
    // builder-truth §1.2: b7ff918 (2026-02-19) made x_exec.run optional for every recipe.
    { name: 'no x_exec.run, for the default target', code: withoutRun },
    { name: 'no x_exec.run, for the 2026-02 builder', code: withoutRun, settings: { target: '2026-02' } },
    // builder-truth §4.5: the 2025-11 builder fetched the file of a license mapping item.
    { name: 'license mappings for the 2025-11 builder', code: licenseMapping, settings: { target: '2025-11' } },
    // builder-truth §1.1: pkg_type onelf exists since e26721a (2026-06-14).
    { name: 'pkg_type onelf for the 2026-06 builder', code: onelf },
    { name: 'an empty pkg_type (the builder then reads the magic bytes)', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: ""') },
    { name: 'a pkg_type without a value', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type:') },
    { name: 'a pkg_type only in the wrong letter case, which is flatimage/pkg-type’s', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "AppImage"') },
    // builder-truth §1.1: from 2f1f48e (2026-02-17) on the builder drops these keys unread; sbuild/unknown-key says so.
    { name: 'what a key the target builder drops holds: _disabled_reason', code: disabledReasonWithoutReason },
    { name: 'what a key the target builder drops holds: icon as a list', code: VALID_RECIPE.replace('category:', 'icon:\n  - "hello.png"\ncategory:') },
    { name: 'what a key the target builder drops holds: distro_pkg as a string', code: VALID_RECIPE.replace('category:', 'distro_pkg: "hello"\ncategory:') },
    // builder-truth §4.9: no _default is required.
    { name: 'a description map without _default', code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description:\n  hello: "Prints a greeting"') },
    { name: 'unknown keys and implicitly typed values, which are their own rules’', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_tpye: "static"\npkgver: 1.10') },
  ],
  invalid: [
    {
      // validator.rs validate_description: a key that is neither a string nor a boolean rejects the description.
      name: 'an empty key and a list as keys of a description map',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description:\n  _default: "x"\n  ~: "y"\n  ? [a]\n  : "z"'),
      errors: [
        'sbuild/schema error 10:3-10:4 description key ~ must be a string, found nothing (an empty value): write the name of the program the entry describes',
        'sbuild/schema error 11:5-11:8 description key [a] must be a string, found a list: write the name of the program the entry describes',
      ],
      output: null,
    },
    {
      name: 'a missing required field, once, at the start of the recipe, with what the field is',
      code: recipe('#!/SBUILD', '_disabled: false', 'pkg: "hello"', 'description: "Hi"', 'x_exec:', '  shell: "bash"', '  run: "true"'),
      errors: ["sbuild/schema error 2:1-2:10 Missing required field 'src_url': URL(s) of the download/source page that holds the download link."],
      output: null,
    },
    {
      name: 'a missing nested field, at the key of its map',
      code: VALID_RECIPE.replace('  shell: "bash"\n', ''),
      errors: ["sbuild/schema error 15:1-15:7 Missing required field 'shell' in x_exec: Interpreter for `pkgver` and `run`, invoked as `/usr/bin/env <shell>`."],
      output: null,
    },
    {
      name: 'no x_exec.run, for a builder release before 2026-02',
      code: withoutRun,
      settings: { target: '2026-01' },
      errors: ['sbuild/schema error 15:1-15:7 x_exec.run is missing: the 2026-01 builder requires it (it is optional only since b7ff918, 2026-02-19)'],
      output: null,
    },
    {
      name: 'license mappings from the 2026-02 builder on, once per item',
      code: licenseMapping,
      errors: [
        "sbuild/schema error 14:5-15:39 license items must be plain strings for the 2026-06 builder, which rejects an {id, url, file} mapping (since 2f1f48e, 2026-02-17): write 'MIT' and fetch the LICENSE file with a build_asset",
      ],
      output: null,
    },
    {
      name: 'a license mapping whose id is not an SPDX id is not told to keep it (sbuild/license would then report it)',
      code: licenseMapping.replace('  - id: "MIT"', '  - id: "BSD"'),
      errors: [
        "sbuild/schema error 14:5-15:39 license items must be plain strings for the 2026-06 builder, which rejects an {id, url, file} mapping (since 2f1f48e, 2026-02-17): write its SPDX id ('BSD' is not one) and fetch the LICENSE file with a build_asset",
      ],
      output: null,
    },
    {
      name: 'pkg_type onelf before the 2026-06 builder',
      code: onelf,
      settings: { target: '2026-05' },
      errors: ["sbuild/schema error 5:11-5:18 pkg_type 'onelf' is rejected by the 2026-05 builder: it is accepted only since e26721a, 2026-06-14; target 2026-06 or use another type"],
      output: null,
    },
    {
      name: 'the expected and the found type',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type:\n  - "static"'),
      errors: ['sbuild/schema error 6:3-6:13 pkg_type must be a string, found a list'],
      output: null,
    },
    {
      // builder-truth §4.1, §4.6: the builder's linter drops a list written as a scalar without a word (category becomes Utility).
      // builder-truth §4.1, §4.6: the builder drops an optional list given as one value and builds the package.
      name: 'a list written as a single string, which the builder drops',
      code: VALID_RECIPE.replace('category:\n  - "Utility"', 'category: "Utility"'),
      errors: ['sbuild/schema warning 6:11-6:20 category must be a list, found a string: the builder drops it without a word and files the package under Utility; write it as a list'],
      output: null,
    },
    {
      // builder-truth §4.1: an empty or null entry of a string list is removed with a warning.
      name: 'empty and null list entries, which the builder removes, at the entry (a null one at its dash)',
      code: VALID_RECIPE.replace('category:\n  - "Utility"', 'category:\n  - ""\n  -\n  - "Utility"'),
      errors: [
        'sbuild/schema warning 7:5-7:7 category[0] must not be empty: the builder removes the entry with a warning',
        'sbuild/schema warning 8:3-8:4 category[1] must be a string, found nothing (an empty value): the builder removes the entry with a warning',
      ],
      output: null,
    },
    {
      // builder-truth §1.2: the shell is looked up on PATH and written after '#!/usr/bin/env '.
      name: 'a shell of two words',
      code: VALID_RECIPE.replace('shell: "bash"', 'shell: "bash -e"'),
      errors: ["sbuild/schema error 16:10-16:19 x_exec.shell must be one word, a program name or an absolute path: the builder looks it up on PATH and runs the script with '#!/usr/bin/env bash -e'"],
      output: null,
    },
    {
      // sbuild-linter-behaviour §2.4: a non-empty string is one whose trim() is not empty.
      name: 'a blank description',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description: "  "'),
      errors: ['sbuild/schema error 8:14-8:18 description must not be blank: the builder trims it and finds it empty'],
      output: null,
    },
    {
      // builder-truth §4.14: the builder does not expand ${SBUILD_OUTDIR} in entrypoint; the path does not exist.
      name: 'an entrypoint written with a variable',
      code: VALID_RECIPE.replace('  shell: "bash"', '  shell: "bash"\n  entrypoint: "${SBUILD_OUTDIR}/bin/hello"'),
      errors: ["sbuild/schema error 17:15-17:43 x_exec.entrypoint must not hold ${…}: the builder does not expand variables here, so the path names a folder called '${…}' and the build fails; write the path relative to the output directory"],
      output: null,
    },
    {
      // builder-truth §4.7: build_asset null or [] is an error.
      name: 'an empty build_asset list',
      code: VALID_RECIPE.replace('category:', 'build_asset: []\ncategory:'),
      errors: ['sbuild/schema error 6:14-6:16 build_asset must list at least 1 entry'],
      output: null,
    },
    {
      name: 'a file with the shebang alone',
      code: recipe('#!/SBUILD ver @v1.0.0', '# nothing yet'),
      errors: ['sbuild/schema error 1:1-1:1 The recipe is empty, and the builder rejects a file without fields: write at least the required _disabled, pkg, description, src_url and x_exec'],
      output: null,
    },
    {
      name: 'a document marker alone',
      code: recipe('#!/SBUILD ver @v1.0.0', '---'),
      errors: ['sbuild/schema error 1:1-1:1 The recipe is empty, and the builder rejects a file without fields: write at least the required _disabled, pkg, description, src_url and x_exec'],
      output: null,
    },
    {
      name: 'a map where a string is expected',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: {a: 1}'),
      errors: ['sbuild/schema error 5:11-5:17 pkg_type must be a string, found a map'],
      output: null,
    },
    {
      name: 'the allowed values of an enum',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "binary"'),
      errors: [`sbuild/schema error 5:11-5:19 'binary' is not a valid pkg_type: ${PKG_TYPES}`],
      output: null,
    },
    {
      name: 'the allowed values of an enum, with the near one',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "appimag"'),
      errors: [`sbuild/schema error 5:11-5:20 'appimag' is not a valid pkg_type: ${PKG_TYPES} (did you mean 'appimage'?)`],
      output: null,
    },
    {
      name: 'the alternatives of a oneOf in one message when no alternative has the value type',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description:\n  - "Prints a greeting"'),
      errors: ['sbuild/schema error 9:3-9:24 description must be a string or a map, found a list'],
      output: null,
    },
    {
      name: 'only the mistake of the alternative the value matches',
      code: disabledReasonWithoutReason,
      settings: { target: '2025-11' },
      errors: ["sbuild/schema error 5:7-5:25 Missing required field 'reason' in _disabled_reason.broken[0]: Explanation, reason or reference (a link to an issue or discussion is welcome)."],
      output: null,
    },
    {
      name: 'a mistake inside a list, at the item',
      code: VALID_RECIPE.replace('homepage:\n  - "https://github.com/example/hello"', 'homepage:\n  - "https://github.com/example/hello"\n  - url: "https://example.com"'),
      errors: ['sbuild/schema error 11:5-11:31 homepage[1] must be a string, found a map'],
      output: null,
    },
    {
      name: 'empty strings and empty lists that must hold something',
      code: VALID_RECIPE.replace('description: "Prints a greeting"', 'description: ""').replace('src_url:\n  - "https://github.com/example/hello"', 'src_url: []'),
      errors: ['sbuild/schema error 8:14-8:16 description must not be empty', 'sbuild/schema error 13:10-13:12 src_url must list at least 1 entry'],
      output: null,
    },
    {
      name: 'a license object with too many or too few keys',
      code: VALID_RECIPE.replace('maintainer:', 'license:\n  - id: "MIT"\n  - id: "MIT"\n    url: "https://example.com/LICENSE"\n    file: "LICENSE"\nmaintainer:'),
      errors: [
        'sbuild/schema error 12:5-12:14 license[0] has 1 key, expected at least 2: A license with its text: `id` plus exactly one of `url` or `file`.',
        'sbuild/schema error 13:5-15:20 license[1] has 3 keys, expected at most 2: A license with its text: `id` plus exactly one of `url` or `file`.',
      ],
      output: null,
    },
    {
      name: 'a recipe that is not a map',
      code: recipe('#!/SBUILD', '- "a list"'),
      errors: ['sbuild/schema error 2:1-2:11 the recipe must be a map, found a list'],
      output: null,
    },
    {
      name: 'the value an alias stands for, at the alias',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: false\nx_t: &t "nonsense"').replace('pkg_type: "static"', 'pkg_type: *t'),
      errors: [`sbuild/schema error 6:11-6:13 'nonsense' is not a valid pkg_type: ${PKG_TYPES} (the value of alias *t, anchored on line 3)`],
      output: null,
    },
  ],
});

describe('sbuild/schema', () => {
  it('leaves a wrong letter case of pkg_type, unknown keys and implicitly typed values to their own rules', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "AppImage"');
    expect((await lint(text, { only: ['sbuild/schema', 'flatimage/pkg-type'] })).map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['flatimage/pkg-type@5:11']);
    const typed = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_tpye: "static"\npkgver: 1.10');
    expect((await lint(typed, { only: ['sbuild/unknown-key', 'sbuild/implicit-type'] })).map((d) => d.ruleId)).toEqual(['sbuild/unknown-key', 'sbuild/implicit-type']);
  });
});
