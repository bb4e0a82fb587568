import { describe, expect, it } from 'vitest';
import { atTarget, compact, lint, recipe, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/schema';

describe('sbuild/schema', () => {
  it('accepts a valid recipe', async () => {
    expect(await lint(VALID_RECIPE, { only })).toEqual([]);
  });

  it('reports a missing required field once, at the start of the recipe, with what the field is', async () => {
    const text = recipe('#!/SBUILD', '_disabled: false', 'pkg: "hello"', 'description: "Hi"', 'x_exec:', '  shell: "bash"', '  run: "true"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/schema error 2:1-2:10 Missing required field 'src_url': URL(s) of the download/source page that holds the download link.",
    ]);
  });

  it('reports a missing nested field at the key of its map', async () => {
    const text = VALID_RECIPE.replace('  shell: "bash"\n', '');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/schema error 15:1-15:7 Missing required field 'shell' in x_exec: Interpreter for `pkgver` and `run`, invoked as `/usr/bin/env <shell>`.",
    ]);
  });

  // builder-truth §1.2: b7ff918 (2026-02-19) made x_exec.run optional for every recipe; the 2025-11 builder requires it.
  it('requires x_exec.run only from a builder release before 2026-02', async () => {
    const text = VALID_RECIPE.replace('  run: |\n    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes\n', '');
    expect(await lint(text, { only })).toEqual([]);
    expect(await lint(text, { only, config: atTarget('2026-02') })).toEqual([]);
    expect((await lint(text, { only, config: atTarget('2026-01') })).map(compact)).toEqual([
      'sbuild/schema error 15:1-15:7 x_exec.run is missing: the 2026-01 builder requires it (it is optional only since b7ff918, 2026-02-19)',
    ]);
  });

  // builder-truth §4.5: since 2f1f48e (2026-02-17) a license mapping item is an error; the 2025-11 builder fetched its file.
  it('rejects license mappings from the 2026-02 builder on, once per item', async () => {
    const text = VALID_RECIPE.replace('src_url:', 'license:\n  - id: "MIT"\n    url: "https://example.com/LICENSE"\n  - "MIT"\nsrc_url:');
    expect(await lint(text, { only, config: atTarget('2025-11') })).toEqual([]);
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/schema error 14:5-15:39 license items must be plain strings for the 2026-06 builder, which rejects an {id, url, file} mapping (since 2f1f48e, 2026-02-17): write 'MIT' and fetch the LICENSE file with a build_asset",
    ]);
  });

  // builder-truth §1.1: pkg_type onelf exists since e26721a (2026-06-14).
  it('rejects pkg_type onelf before the 2026-06 builder', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "onelf"');
    expect(await lint(text, { only })).toEqual([]);
    expect((await lint(text, { only, config: atTarget('2026-05') })).map(compact)).toEqual([
      "sbuild/schema error 5:11-5:18 pkg_type 'onelf' is rejected by the 2026-05 builder: it is accepted only since e26721a, 2026-06-14; target 2026-06 or use another type",
    ]);
  });

  it('names the expected and the found type', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type:\n  - "static"');
    expect((await lint(text, { only })).map(compact)).toEqual(['sbuild/schema error 6:3-6:13 pkg_type must be a string, found a list']);
  });

  it('accepts an empty pkg_type and one without a value (the builder then reads the magic bytes), and no other type', async () => {
    expect(await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: ""'), { only })).toEqual([]);
    expect(await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type:'), { only })).toEqual([]);
    expect((await lint(VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: {a: 1}'), { only })).map(compact)).toEqual(['sbuild/schema error 5:11-5:17 pkg_type must be a string, found a map']);
  });

  it('lists the allowed values of an enum, with the near one', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "binary"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/schema error 5:11-5:19 'binary' is not a valid pkg_type: expected one of appbundle, appimage, archive, dynamic, flatimage, gameimage, nixappimage, onelf, runimage, static",
    ]);
    expect((await lint(text.replace('"binary"', '"appimag"'), { only })).map(compact)).toEqual([
      "sbuild/schema error 5:11-5:20 'appimag' is not a valid pkg_type: expected one of appbundle, appimage, archive, dynamic, flatimage, gameimage, nixappimage, onelf, runimage, static (did you mean 'appimage'?)",
    ]);
  });

  it('leaves a pkg_type that is only in the wrong letter case to flatimage/pkg-type', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "AppImage"');
    expect((await lint(text, { only: ['sbuild/schema', 'flatimage/pkg-type'] })).map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual([
      'flatimage/pkg-type@5:11',
    ]);
  });

  it('collapses the alternatives of a oneOf into one message when no alternative has the value type', async () => {
    const text = VALID_RECIPE.replace('description: "Prints a greeting"', 'description:\n  - "Prints a greeting"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      'sbuild/schema error 9:3-9:24 description must be a string or a map, found a list',
    ]);
  });

  it('follows the alternative the value matches and reports only its mistake', async () => {
    const text = VALID_RECIPE.replace('_disabled: false', '_disabled: true\n_disabled_reason:\n  broken:\n    - date: "2025-01-01"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/schema error 5:7-5:25 Missing required field 'reason' in _disabled_reason.broken[0]: Explanation, reason or reference (a link to an issue or discussion is welcome).",
    ]);
  });

  it('points at the list item for a mistake inside a list', async () => {
    const text = VALID_RECIPE.replace('homepage:\n  - "https://github.com/example/hello"', 'homepage:\n  - "https://github.com/example/hello"\n  - url: "https://example.com"');
    expect((await lint(text, { only })).map(compact)).toEqual(['sbuild/schema error 11:5-11:31 homepage[1] must be a string, found a map']);
  });

  it('reports empty strings and empty lists that must hold something', async () => {
    const text = VALID_RECIPE.replace('description: "Prints a greeting"', 'description: ""').replace('src_url:\n  - "https://github.com/example/hello"', 'src_url: []');
    expect((await lint(text, { only })).map(compact)).toEqual([
      'sbuild/schema error 8:14-8:16 description must not be empty',
      'sbuild/schema error 13:10-13:12 src_url must list at least 1 entry',
    ]);
  });

  it('explains a license object with too many or too few keys', async () => {
    const text = VALID_RECIPE.replace(
      'maintainer:',
      'license:\n  - id: "MIT"\n  - id: "MIT"\n    url: "https://example.com/LICENSE"\n    file: "LICENSE"\nmaintainer:',
    );
    expect((await lint(text, { only })).map(compact)).toEqual([
      'sbuild/schema error 12:5-12:14 license[0] has 1 key, expected at least 2: A license with its text: `id` plus exactly one of `url` or `file`.',
      'sbuild/schema error 13:5-15:20 license[1] has 3 keys, expected at most 2: A license with its text: `id` plus exactly one of `url` or `file`.',
    ]);
  });

  it('reports a recipe that is not a map', async () => {
    expect((await lint(recipe('#!/SBUILD', '- "a list"'), { only })).map(compact)).toEqual(['sbuild/schema error 2:1-2:11 the recipe must be a map, found a list']);
  });

  it('leaves unknown keys and implicitly typed values to their own rules', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_tpye: "static"\npkgver: 1.10');
    expect((await lint(text, { only })).map(compact)).toEqual([]);
    expect((await lint(text, { only: ['sbuild/unknown-key', 'sbuild/implicit-type'] })).map((d) => d.ruleId)).toEqual(['sbuild/unknown-key', 'sbuild/implicit-type']);
  });

  it('validates the value an alias stands for and reports it at the alias', async () => {
    const text = VALID_RECIPE.replace('_disabled: false', '_disabled: false\nx_t: &t "nonsense"').replace('pkg_type: "static"', 'pkg_type: *t');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/schema error 6:11-6:13 'nonsense' is not a valid pkg_type: expected one of appbundle, appimage, archive, dynamic, flatimage, gameimage, nixappimage, onelf, runimage, static (the value of alias *t, anchored on line 3)",
    ]);
  });
});
