import { describe, expect, it } from 'vitest';
import { atTarget, compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/unbuildable';
const withoutPkgver = VALID_RECIPE.replace('  pkgver: |\n    echo "1.0.0"\n', '');

describe('sbuild/unbuildable', () => {
  it('accepts a recipe with a version source', async () => {
    expect(await lint(VALID_RECIPE, { only })).toEqual([]);
    expect(await lint(withoutPkgver.replace('pkg_type: "static"', 'pkg_type: "static"\npkgver: "1.0.0"'), { only })).toEqual([]);
  });

  // builder-truth §1.1: without pkgver, version and x_exec.pkgver, `sbuild lint` passes, and `sbuild build` finds no
  // <recipe>.pkgver, returns without a message and counts the recipe as failed (builder.rs:L527-531).
  it('reports a recipe without any version source, at x_exec', async () => {
    expect((await lint(withoutPkgver, { only })).map(compact)).toEqual([
      'sbuild/unbuildable error 15:1-15:7 The recipe has no version source: neither a top-level pkgver nor version nor x_exec.pkgver. The builder then finds no version file, stops without a message and counts the build as failed: add an x_exec.pkgver script that prints the version, or a pkgver',
    ]);
  });

  // builder-truth §6: `version` is an alias of pkgver only since 6c7c7cb (2025-12-27); before, it was dropped as unknown.
  it('counts the version alias only from the 2025-12 builder on', async () => {
    const text = withoutPkgver.replace('pkg_type: "static"', 'pkg_type: "static"\nversion: "1.0.0"');
    expect(await lint(text, { only, config: atTarget('2025-12') })).toEqual([]);
    expect((await lint(text, { only, config: atTarget('2025-11') })).map((d) => `${d.line}:${d.column} ${d.message.slice(0, 80)}`)).toEqual([
      '16:1 The recipe has no version source: neither a top-level pkgver nor x_exec.pkgver. ',
    ]);
  });

  // builder-truth §3.5: an empty script gives empty output, which fails the pkgver step.
  it('reports an empty x_exec.pkgver when nothing else gives a version', async () => {
    const text = VALID_RECIPE.replace('  pkgver: |\n    echo "1.0.0"\n', '  pkgver: ""\n');
    expect((await lint(text, { only })).map(compact)).toEqual([
      'sbuild/unbuildable error 17:3-17:9 x_exec.pkgver is empty and nothing else gives a version: the builder runs it, gets no output and fails the build; write a script that prints the version',
    ]);
  });

  // builder-truth §4.3: an empty list passes the linter and makes the builder abort every build.
  it('reports empty arch, os and host lists at the list', async () => {
    const text = VALID_RECIPE.replace('  shell: "bash"', '  arch: []\n  os: []\n  host: []\n  shell: "bash"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/unbuildable error 16:9-16:11 x_exec.arch is an empty list: the builder's linter accepts it, but no architecture matches, so every build stops with 'Unsupported architecture. Aborting...'; list the supported values or remove the key",
      "sbuild/unbuildable error 17:7-17:9 x_exec.os is an empty list: the builder's linter accepts it, but no OS matches, so every build stops with 'Unsupported OS. Aborting...'; list the supported values or remove the key",
      "sbuild/unbuildable error 18:9-18:11 x_exec.host is an empty list: the builder's linter accepts it, but no host matches, so every build stops with 'Unsupported HOST. Aborting...'; list the supported values or remove the key",
    ]);
  });

  it('says nothing about a disabled recipe, which the builder skips first', async () => {
    expect(await lint(withoutPkgver.replace('_disabled: false', '_disabled: true'), { only })).toEqual([]);
  });
});
