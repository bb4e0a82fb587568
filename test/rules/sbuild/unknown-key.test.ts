import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';
import { atTarget } from '../../helpers.js';
import { applyFix } from './apply-fix.js';

const only = 'sbuild/unknown-key';

describe('sbuild/unknown-key', () => {
  it('suggests the near key and renames it, keeping the quotes', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_tpye: "static"').replace('  shell: "bash"', '  "shel": "bash"\n  shell: "bash"');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/unknown-key warning 5:1-5:9 Unknown key 'pkg_tpye', which the builder ignores: did you mean 'pkg_type'?",
      "sbuild/unknown-key warning 16:3-16:9 Unknown key 'shel' in x_exec, which the builder ignores: did you mean 'shell'?",
    ]);
    expect(applyFix(text, diagnostics[0]!)).toBe(text.replace('pkg_tpye:', 'pkg_type:'));
    // Renaming 'shel' would repeat the existing 'shell' key.
    expect(diagnostics[1]!.fix).toBeUndefined();
  });

  it('is one error when the misspelt key stands for a missing required field', async () => {
    const text = VALID_RECIPE.replace('description:', 'descripton:');
    const diagnostics = await lint(text, { only: ['sbuild/unknown-key', 'sbuild/schema'] });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/unknown-key error 8:1-8:11 Unknown key 'descripton': did you mean 'description'? The required field 'description' is missing",
    ]);
    expect(applyFix(text, diagnostics[0]!)).toBe(VALID_RECIPE);
  });

  it('lists the known keys of a small map when nothing is close', async () => {
    const text = VALID_RECIPE.replace('category:', 'icon:\n  link: "https://example.com/hello.png"\ncategory:');
    expect((await lint(text, { only, config: atTarget('2025-11') })).map(compact)).toEqual([
      "sbuild/unknown-key warning 7:3-7:7 Unknown key 'link' in icon, which the builder ignores: icon takes url, file, dir",
    ]);
  });

  it('reports top-level keys that are far from every known key without a fix', async () => {
    const diagnostics = await lint(VALID_RECIPE.replace('pkg: "hello"', 'SELF: "x"\npkg: "hello"'), { only });
    expect(diagnostics.map(compact)).toEqual(["sbuild/unknown-key warning 3:1-3:5 Unknown key 'SELF', which the builder ignores: SBUILD does not define it"]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });

  it('accepts the known keys, including those outside the specification pages, and free-form maps', async () => {
    const text = VALID_RECIPE.replace('  shell: "bash"', '  bsys: "host://soar-dl"\n  shell: "bash"').replace(
      'description: "Prints a greeting"',
      'description:\n  _default: "Greets"\n  hello: "Prints a greeting"\ndistro_pkg:\n  archlinux:\n    aur: ["hello"]',
    );
    expect(await lint(text, { only, config: atTarget('2025-11') })).toEqual([]);
  });

  // builder-truth §1.1 and §6: 2f1f48e (2026-02-17) made icon, desktop, _disabled_reason and distro_pkg unknown fields.
  it('reports the fields the target builder no longer knows, and those it does not know yet', async () => {
    const text = VALID_RECIPE.replace('category:', 'desktop:\n  url: "https://example.com/hello.desktop"\nghcr_pkg: "example/hello"\ncategory:');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/unknown-key warning 6:1-6:8 'desktop' is not known to the 2026-06 builder, which warns and drops it (unknown since 2f1f48e, 2026-02-17): an AppImage carries its own desktop file; for other packages write ${PKG}.desktop into $SBUILD_OUTDIR in x_exec.run",
    ]);
    expect((await lint(text, { only, config: atTarget('2025-11') })).map(compact)).toEqual([
      "sbuild/unknown-key warning 8:1-8:9 'ghcr_pkg' is not known to the 2025-11 builder, which warns and drops it: it is accepted only since be8a7c8, 2026-01-03; remove it or target a later release",
    ]);
  });

  it('reports an unknown key of a map an alias stands for at the alias, without a fix', async () => {
    const text = VALID_RECIPE.replace('x_exec:\n  shell: "bash"\n', 'x_x: &x\n  shel: "bash"\n  shell: "bash"\n').replace(/$/, 'x_exec: *x\n').replace('x_x:', 'x_exec_base:');
    const diagnostics = await lint(text, { only });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/unknown-key warning 15:1-15:12 Unknown key 'x_exec_base', which the builder ignores: SBUILD does not define it",
      "sbuild/unknown-key warning 22:9-22:11 Unknown key 'shel' in x_exec, which the builder ignores: did you mean 'shell'? (the value of alias *x, anchored on line 15)",
    ]);
    expect(diagnostics[1]!.fix).toBeUndefined();
  });
});
