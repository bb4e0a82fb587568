import { describe, expect, it } from 'vitest';
import { compact, lint, recipe } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const only = 'flatimage/desktop-metadata';
const bare = (type: string, ...lines: string[]) => recipe('#!/SBUILD', 'pkg: "firefox-alpine"', `pkg_type: "${type}"`, ...lines, 'x_exec:', '  run: |', '    true');

describe('flatimage/desktop-metadata', () => {
  it('warns when a FlatImage declares no desktop, icon or app_id', async () => {
    expect((await lint(bare('flatimage'), { only })).map(compact)).toEqual([
      'flatimage/desktop-metadata warning 3:11-3:22 FlatImage package without desktop, icon or app_id: desktop integration needs a .desktop entry, an icon and an AppStream app_id; declare them, or write ${PKG}.desktop and ${PKG}.png in the run script',
    ]);
  });

  it('names only what is missing, as info for formats whose files the builder can read them from', async () => {
    expect((await lint(bare('appimage', 'app_id: "org.mozilla.firefox"'), { only })).map(compact)).toEqual([
      'flatimage/desktop-metadata info 3:11-3:21 AppImage package without desktop or icon: desktop integration needs a .desktop entry, an icon and an AppStream app_id; declare them, or write ${PKG}.desktop and ${PKG}.png in the run script',
    ]);
  });

  it('accepts declared metadata, files the script writes, console programs and non-image formats', async () => {
    expect(await lint(flatImageRecipe(['true']), { only })).toEqual([]);
    const writes = recipe(
      '#!/SBUILD',
      'pkg: "firefox-alpine"',
      'pkg_type: "flatimage"',
      'app_id: "org.mozilla.firefox"',
      'x_exec:',
      '  run: |',
      '    "./${PKG}" fim-desktop dump entry > "${SBUILD_OUTDIR}/${PKG}.desktop"',
      '    "./${PKG}" fim-desktop dump icon "${SBUILD_OUTDIR}/${PKG}.png"',
    );
    expect(await lint(writes, { only })).toEqual([]);
    expect(await lint(bare('appimage', 'category:', '  - "ConsoleOnly"'), { only })).toEqual([]);
    expect(await lint(bare('static'), { only })).toEqual([]);
    expect(await lint(bare('archive'), { only })).toEqual([]);
  });

  it('reads a pkg_type and categories that aliases stand for', async () => {
    const aliased = (category: string) => recipe('#!/SBUILD', 'x_t: &t "flatimage"', `x_c: &c ["${category}"]`, 'pkg: "firefox-alpine"', 'pkg_type: *t', 'category: *c', 'x_exec:', '  run: |', '    true');
    expect((await lint(aliased('Utility'), { only })).map(compact)).toEqual([
      'flatimage/desktop-metadata warning 5:11-5:13 FlatImage package without desktop, icon or app_id: desktop integration needs a .desktop entry, an icon and an AppStream app_id; declare them, or write ${PKG}.desktop and ${PKG}.png in the run script (the value of alias *t, anchored on line 2)',
    ]);
    expect(await lint(aliased('ConsoleOnly'), { only })).toEqual([]);
  });
});
