import { describe, expect, it } from 'vitest';
import { atTarget, compact, lint, recipe } from '../../helpers.js';

const only = 'flatimage/desktop-metadata';
const bare = (type: string, ...lines: string[]) => recipe('#!/SBUILD', 'pkg: "firefox-alpine"', `pkg_type: "${type}"`, ...lines, 'x_exec:', '  run: |', '    true');
const declared = ['desktop:', '  url: "https://example.com/firefox.desktop"', 'icon:', '  url: "https://example.com/firefox.png"'];

describe('flatimage/desktop-metadata', () => {
  // builder-truth §5: a FlatImage is classified static (its magic is at offset 8, the builder tests 4..8), so the final
  // builder neither extracts a desktop file and icon from it nor writes the generic fallback pair.
  it('warns when nothing gives a FlatImage its desktop file and icon', async () => {
    expect((await lint(bare('flatimage'), { only })).map(compact)).toEqual([
      'flatimage/desktop-metadata warning 3:11-3:22 FlatImage package without desktop file or icon: the 2026-06 builder neither extracts them from a FlatImage nor adds generic ones, so the package ships without desktop integration; write ${PKG}.desktop and ${PKG}.png into $SBUILD_OUTDIR in x_exec.run (e.g. with fim-desktop dump)',
    ]);
  });

  // builder-truth §5 and §6: until 2f1f48e (2026-02-17) the builder fetched the desktop and icon fields; since, it drops them.
  it('counts the desktop and icon fields only for builders before 2026-02', async () => {
    expect(await lint(bare('flatimage', ...declared), { only, config: atTarget('2025-11') })).toEqual([]);
    expect((await lint(bare('flatimage', ...declared.slice(0, 2)), { only, config: atTarget('2025-11') })).map(compact)).toEqual([
      'flatimage/desktop-metadata warning 3:11-3:22 FlatImage package without icon: the 2025-11 builder neither extracts them from a FlatImage nor adds generic ones, so the package ships without desktop integration; declare desktop and icon, or write ${PKG}.desktop and ${PKG}.png into $SBUILD_OUTDIR in x_exec.run (e.g. with fim-desktop dump)',
    ]);
    expect((await lint(bare('flatimage', ...declared), { only })).map((d) => `${d.line}:${d.column}`)).toEqual(['3:11']);
  });

  // builder-truth §5: an AppImage's own desktop file and icon are extracted (and replace any the script wrote).
  it('does not report AppImages, nor other formats, at any target', async () => {
    for (const config of [atTarget('2025-11'), atTarget('2026-06')]) {
      for (const type of ['appimage', 'nixappimage', 'onelf', 'static', 'archive', 'runimage']) expect(await lint(bare(type), { only, config })).toEqual([]);
    }
  });

  it('accepts files the script writes and console programs', async () => {
    const writes = recipe(
      '#!/SBUILD',
      'pkg: "firefox-alpine"',
      'pkg_type: "flatimage"',
      'x_exec:',
      '  run: |',
      '    "./${PKG}" fim-desktop dump entry > "${SBUILD_OUTDIR}/${PKG}.desktop"',
      '    "./${PKG}" fim-desktop dump icon "${SBUILD_OUTDIR}/${PKG}.png"',
    );
    expect(await lint(writes, { only })).toEqual([]);
    expect(await lint(bare('flatimage', 'category:', '  - "ConsoleOnly"'), { only })).toEqual([]);
  });

  it('reads a pkg_type and categories that aliases stand for', async () => {
    const aliased = (category: string) => recipe('#!/SBUILD', 'x_t: &t "flatimage"', `x_c: &c ["${category}"]`, 'pkg: "firefox-alpine"', 'pkg_type: *t', 'category: *c', 'x_exec:', '  run: |', '    true');
    expect((await lint(aliased('Utility'), { only })).map(compact)).toEqual([
      'flatimage/desktop-metadata warning 5:11-5:13 FlatImage package without desktop file or icon: the 2026-06 builder neither extracts them from a FlatImage nor adds generic ones, so the package ships without desktop integration; write ${PKG}.desktop and ${PKG}.png into $SBUILD_OUTDIR in x_exec.run (e.g. with fim-desktop dump) (the value of alias *t, anchored on line 2)',
    ]);
    expect(await lint(aliased('ConsoleOnly'), { only })).toEqual([]);
  });
});
