import { recipe, ruleTester } from '../../helpers.js';

const bare = (type: string, ...lines: string[]) => recipe('#!/SBUILD', 'pkg: "firefox-alpine"', `pkg_type: "${type}"`, ...lines, 'x_exec:', '  run: |', '    true');
const declared = ['desktop:', '  url: "https://example.com/firefox.desktop"', 'icon:', '  url: "https://example.com/firefox.png"'];
const aliased = (category: string) => recipe('#!/SBUILD', 'x_t: &t "flatimage"', `x_c: &c ["${category}"]`, 'pkg: "firefox-alpine"', 'pkg_type: *t', 'category: *c', 'x_exec:', '  run: |', '    true');
const old = { target: '2025-11' };
const WITHOUT =
  'FlatImage package without desktop file or icon: the 2026-06 builder neither extracts them from a FlatImage nor adds generic ones, so the package ships without desktop integration; write ${PKG}.desktop and ${PKG}.png into $SBUILD_OUTDIR in x_exec.run (e.g. with fim-desktop dump)';

ruleTester.run('flatimage/desktop-metadata', {
  valid: [
    // builder-truth §5 and §6: until 2f1f48e (2026-02-17) the builder fetched the desktop and icon fields.
    { name: 'the desktop and icon fields, for a builder before 2026-02', code: bare('flatimage', ...declared), settings: old },
    // builder-truth §5: an AppImage's own desktop file and icon are extracted (and replace any the script wrote).
    ...['2025-11', '2026-06'].flatMap((target) =>
      ['appimage', 'nixappimage', 'onelf', 'static', 'archive', 'runimage'].map((type) => ({ name: `${type} for the ${target} builder`, code: bare(type), settings: { target } })),
    ),
    {
      name: 'files the script writes',
      code: recipe(
        '#!/SBUILD',
        'pkg: "firefox-alpine"',
        'pkg_type: "flatimage"',
        'x_exec:',
        '  run: |',
        '    "./${PKG}" fim-desktop dump entry > "${SBUILD_OUTDIR}/${PKG}.desktop"',
        '    "./${PKG}" fim-desktop dump icon "${SBUILD_OUTDIR}/${PKG}.png"',
      ),
    },
    { name: 'a console program', code: bare('flatimage', 'category:', '  - "ConsoleOnly"') },
    { name: 'a console program whose categories an alias stands for', code: aliased('ConsoleOnly') },
  ],
  invalid: [
    // builder-truth §5: a FlatImage is classified static (its magic is at offset 8, the builder tests 4..8), so the final
    // builder neither extracts a desktop file and icon from it nor writes the generic fallback pair.
    {
      name: 'nothing gives a FlatImage its desktop file and icon',
      code: bare('flatimage'),
      errors: [`flatimage/desktop-metadata warning 3:11-3:22 ${WITHOUT}`],
      output: null,
    },
    {
      name: 'a desktop field without icon, for a builder before 2026-02',
      code: bare('flatimage', ...declared.slice(0, 2)),
      settings: old,
      errors: [
        'flatimage/desktop-metadata warning 3:11-3:22 FlatImage package without icon: the 2025-11 builder neither extracts them from a FlatImage nor adds generic ones, so the package ships without desktop integration; declare desktop and icon, or write ${PKG}.desktop and ${PKG}.png into $SBUILD_OUTDIR in x_exec.run (e.g. with fim-desktop dump)',
      ],
      output: null,
    },
    {
      name: 'the desktop and icon fields, which the 2026-06 builder drops',
      code: bare('flatimage', ...declared),
      errors: [`flatimage/desktop-metadata warning 3:11-3:22 ${WITHOUT}`],
      output: null,
    },
    {
      name: 'a pkg_type and categories that aliases stand for',
      code: aliased('Utility'),
      errors: [`flatimage/desktop-metadata warning 5:11-5:13 ${WITHOUT} (the value of alias *t, anchored on line 2)`],
      output: null,
    },
  ],
});
