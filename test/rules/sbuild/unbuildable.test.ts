import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const withoutPkgver = VALID_RECIPE.replace('  pkgver: |\n    echo "1.0.0"\n', '');
const withVersion = withoutPkgver.replace('pkg_type: "static"', 'pkg_type: "static"\nversion: "1.0.0"');

ruleTester.run('sbuild/unbuildable', {
  valid: [
    { name: 'an x_exec.pkgver script', code: VALID_RECIPE },
    { name: 'a top-level pkgver', code: withoutPkgver.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: "1.0.0"') },
    // builder-truth §6: `version` is an alias of pkgver only since 6c7c7cb (2025-12-27).
    { name: 'the version alias, from the 2025-12 builder on', code: withVersion, settings: { target: '2025-12' } },
    // builder-truth §1.1, §6 (2f1f48e): from 2026-02 the builder's linter rejects a non-string pkgver, which
    // sbuild/implicit-type reports; the recipe never reaches the build.
    { name: 'from 2026-02, a number as the only version, which the builder rejects before any build', code: withoutPkgver.replace('pkg_type: "static"', 'pkgver: 1.10') },
    { name: 'at 2026-02, the same', code: withoutPkgver.replace('pkg_type: "static"', 'pkgver: 1.10'), settings: { target: '2026-02' } },
    { name: 'up to 2026-01, a number as pkgver beside a script, which the builder runs', code: VALID_RECIPE.replace('pkg_type: "static"', 'pkgver: 1.10'), settings: { target: '2026-01' } },
    { name: 'a disabled recipe, which the builder skips first', code: withoutPkgver.replace('_disabled: false', '_disabled: true') },
  ],
  invalid: [
    // builder-truth §1.1: without pkgver, version and x_exec.pkgver, `sbuild lint` passes, and `sbuild build` finds no
    // <recipe>.pkgver, returns without a message and counts the recipe as failed (builder.rs:L527-531).
    {
      name: 'a recipe without any version source, at x_exec',
      code: withoutPkgver,
      errors: [
        'sbuild/unbuildable error 15:1-15:7 The recipe has no version source: neither a top-level pkgver nor version nor x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: add an x_exec.pkgver script that prints the version, or a pkgver',
      ],
      output: null,
    },
    {
      name: 'the version alias before the 2025-12 builder, which dropped it as unknown',
      code: withVersion,
      settings: { target: '2025-11' },
      errors: [
        'sbuild/unbuildable error 16:1-16:7 The recipe has no version source: neither a top-level pkgver nor x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: add an x_exec.pkgver script that prints the version, or a pkgver',
      ],
      output: null,
    },
    // builder-truth §6 (2f1f48e): before 2026-02 a non-string pkgver was dropped without a message.
    {
      name: 'up to 2026-01, a number as the only version, at the value',
      code: withoutPkgver.replace('pkg_type: "static"', 'pkgver: 1.10'),
      settings: { target: '2026-01' },
      errors: [
        'sbuild/unbuildable error 5:9-5:13 The recipe has no version source: the 2026-01 builder drops the top-level pkgver 1.10 without a message because it is not a string (it rejects it from 2f1f48e, 2026-02-17 on), and there is no x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: quote the value, pkgver: "1.10", or add an x_exec.pkgver script',
      ],
      output: null,
    },
    {
      name: 'at 2025-12, a boolean version and an empty script',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'version: true').replace('  pkgver: |\n    echo "1.0.0"\n', '  pkgver: ""\n'),
      settings: { target: '2025-12' },
      errors: [
        'sbuild/unbuildable error 17:3-17:9 x_exec.pkgver is empty and the 2025-12 builder drops the top-level version true without a message because it is not a string (it rejects it from 2f1f48e, 2026-02-17 on), and nothing else gives a version: the builder runs the script, gets no output and fails the build; write a script that prints the version, or quote the value, version: "true"',
      ],
      output: null,
    },
    // builder-truth §3.5: an empty script gives empty output, which fails the pkgver step.
    {
      name: 'an empty x_exec.pkgver when nothing else gives a version',
      code: VALID_RECIPE.replace('  pkgver: |\n    echo "1.0.0"\n', '  pkgver: ""\n'),
      errors: [
        'sbuild/unbuildable error 17:3-17:9 x_exec.pkgver is empty and nothing else gives a version: the builder runs it, gets no output and fails the build; write a script that prints the version',
      ],
      output: null,
    },
    {
      name: 'an x_exec.pkgver of comments only, which prints nothing either',
      code: VALID_RECIPE.replace('  pkgver: |\n    echo "1.0.0"\n', '  pkgver: |\n    # TODO: print the latest release\n\n'),
      errors: [
        'sbuild/unbuildable error 17:3-17:9 x_exec.pkgver holds only comments and nothing else gives a version: the builder runs it, gets no output and fails the build; write a script that prints the version',
      ],
      output: null,
    },
    // builder-truth §4.3: an empty list passes the linter and makes the builder abort every build.
    {
      name: 'empty arch, os and host lists, at the list',
      code: VALID_RECIPE.replace('  shell: "bash"', '  arch: []\n  os: []\n  host: []\n  shell: "bash"'),
      errors: [
        "sbuild/unbuildable error 16:9-16:11 x_exec.arch is an empty list: the builder's linter accepts it, but no architecture matches, so every build stops with 'Unsupported architecture. Aborting...'; list the supported values or remove the key",
        "sbuild/unbuildable error 17:7-17:9 x_exec.os is an empty list: the builder's linter accepts it, but no OS matches, so every build stops with 'Unsupported OS. Aborting...'; list the supported values or remove the key",
        "sbuild/unbuildable error 18:9-18:11 x_exec.host is an empty list: the builder's linter accepts it, but no host matches, so every build stops with 'Unsupported HOST. Aborting...'; list the supported values or remove the key",
      ],
      output: null,
    },
  ],
});
