import { describe, expect, it } from 'vitest';
import { compact, lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const misspelt = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_tpye: "static"').replace('  shell: "bash"', '  "shel": "bash"\n  shell: "bash"');
const old = { target: '2025-11' };

ruleTester.run('sbuild/unknown-key', {
  valid: [
    {
      name: 'the known keys, including those outside the specification pages, and free-form maps',
      code: VALID_RECIPE.replace('  shell: "bash"', '  bsys: "host://soar-dl"\n  shell: "bash"').replace(
        'description: "Prints a greeting"',
        'description:\n  _default: "Greets"\n  hello: "Prints a greeting"\ndistro_pkg:\n  archlinux:\n    aur: ["hello"]',
      ),
      settings: old,
    },
  ],
  invalid: [
    {
      // sbuild-linter-behaviour §2.4: the builder's YAML parser (saphyr) has no merge keys; '<<' is a key like any other.
      name: 'a merge key, which the builder keeps as an unknown key, without a rename',
      code: VALID_RECIPE.replace('x_exec:\n', 'x_common: &common\n  shell: "bash"\nx_exec:\n  <<: *common\n'),
      errors: [
        "sbuild/unknown-key warning 15:1-15:9 Unknown key 'x_common', which the builder ignores: SBUILD does not define it",
        "sbuild/unknown-key warning 18:3-18:5 Unknown key '<<' in x_exec, which the builder ignores: the builder's YAML parser has no merge keys, so the mapping is not merged in: write its keys here",
      ],
      output: null,
    },
    {
      name: 'the near key is suggested and renamed, keeping the quotes; a rename that would repeat a key is not offered',
      code: misspelt,
      errors: [
        "sbuild/unknown-key warning 5:1-5:9 Unknown key 'pkg_tpye', which the builder ignores: did you mean 'pkg_type'?",
        "sbuild/unknown-key warning 16:3-16:9 Unknown key 'shel' in x_exec, which the builder ignores: did you mean 'shell'?",
      ],
      output: misspelt.replace('pkg_tpye:', 'pkg_type:'),
      // A rename is an unsafe fix: --fix alone leaves it.
      safeOutput: null,
    },
    {
      name: 'one error when the misspelt key stands for a missing required field',
      code: VALID_RECIPE.replace('description:', 'descripton:'),
      errors: ["sbuild/unknown-key error 8:1-8:11 Unknown key 'descripton': did you mean 'description'? The required field 'description' is missing"],
      output: VALID_RECIPE,
      safeOutput: null,
    },
    {
      name: 'the known keys of a small map are listed when nothing is close',
      code: VALID_RECIPE.replace('category:', 'icon:\n  link: "https://example.com/hello.png"\ncategory:'),
      settings: old,
      errors: ["sbuild/unknown-key warning 7:3-7:7 Unknown key 'link' in icon, which the builder ignores: icon takes url, file, dir"],
      output: null,
    },
    {
      name: 'inside a key the target builder drops, only that key',
      code: VALID_RECIPE.replace('category:', 'icon:\n  link: "https://example.com/hello.png"\ncategory:'),
      errors: [
        "sbuild/unknown-key warning 6:1-6:5 'icon' is not known to the 2026-06 builder, which warns and drops it (unknown since 2f1f48e, 2026-02-17): an AppImage carries its own icon; for other packages write ${PKG}.png or ${PKG}.svg into $SBUILD_OUTDIR in x_exec.run",
      ],
      output: null,
    },
    {
      name: 'top-level keys far from every known key, without a fix',
      code: VALID_RECIPE.replace('pkg: "hello"', 'SELF: "x"\npkg: "hello"'),
      errors: ["sbuild/unknown-key warning 3:1-3:5 Unknown key 'SELF', which the builder ignores: SBUILD does not define it"],
      output: null,
    },
    // builder-truth §1.1 and §6: 2f1f48e (2026-02-17) made icon, desktop, _disabled_reason and distro_pkg unknown fields.
    {
      name: 'a field the target builder no longer knows',
      code: VALID_RECIPE.replace('category:', 'desktop:\n  url: "https://example.com/hello.desktop"\nghcr_pkg: "example/hello"\ncategory:'),
      errors: [
        "sbuild/unknown-key warning 6:1-6:8 'desktop' is not known to the 2026-06 builder, which warns and drops it (unknown since 2f1f48e, 2026-02-17): an AppImage carries its own desktop file; for other packages write ${PKG}.desktop into $SBUILD_OUTDIR in x_exec.run",
      ],
      output: null,
    },
    {
      name: 'a field the target builder does not know yet',
      code: VALID_RECIPE.replace('category:', 'desktop:\n  url: "https://example.com/hello.desktop"\nghcr_pkg: "example/hello"\ncategory:'),
      settings: old,
      errors: ["sbuild/unknown-key warning 8:1-8:9 'ghcr_pkg' is not known to the 2025-11 builder, which warns and drops it: it is accepted only since be8a7c8, 2026-01-03; remove it or target a later release"],
      output: null,
    },
    {
      name: 'an unknown key of a map an alias stands for, at the alias, without a fix',
      code: VALID_RECIPE.replace('x_exec:\n  shell: "bash"\n', 'x_x: &x\n  shel: "bash"\n  shell: "bash"\n').replace(/$/, 'x_exec: *x\n').replace('x_x:', 'x_exec_base:'),
      errors: [
        "sbuild/unknown-key warning 15:1-15:12 Unknown key 'x_exec_base', which the builder ignores: SBUILD does not define it",
        "sbuild/unknown-key warning 22:9-22:11 Unknown key 'shel' in x_exec, which the builder ignores: did you mean 'shell'? (the value of alias *x, anchored on line 15)",
      ],
      output: null,
    },
  ],
});

describe('sbuild/unknown-key', () => {
  it('takes over the missing-field error of sbuild/schema for a misspelt required key', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('description:', 'descripton:'), { only: ['sbuild/unknown-key', 'sbuild/schema'] });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/unknown-key error 8:1-8:11 Unknown key 'descripton': did you mean 'description'? The required field 'description' is missing",
    ]);
  });
});
