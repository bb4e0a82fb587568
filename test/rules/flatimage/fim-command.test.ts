import { describe, expect, it } from 'vitest';
import { lint, ruleTester, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

ruleTester.run('flatimage/fim-command', {
  valid: [
    {
      name: 'a v1.0.x build as pkgforge writes it',
      code: flatImageRecipe([
        'IMG="${SBUILD_OUTDIR}/${PKG}"',
        '"${IMG}" fim-perms set network',
        '"${IMG}" fim-root bash -c \'apk update && apk add firefox\'',
        '"${IMG}" fim-env add "FIM_DIST=firefox"',
        '"${IMG}" fim-bind add ro /usr/share/fonts /usr/share/fonts',
        '"${IMG}" fim-boot "/usr/bin/firefox"',
        '"${IMG}" fim-perms add "audio,dbus_user,dbus_system,gpu,home,input,media,network,udev,usb,xorg,wayland"',
        '"${IMG}" fim-desktop enable entry,mimetype,icon',
        '"${IMG}" fim-notify off',
        '"${IMG}" fim-commit',
      ]),
    },
    {
      name: 'a v2.0 build',
      code: flatImageRecipe(['"./${PKG}" fim-perms add shm,optical', '"./${PKG}" fim-boot set /usr/bin/firefox', '"./${PKG}" fim-overlay set bwrap', '"./${PKG}" fim-layer commit binary']),
    },
    {
      name: 'other programs, strings and variables',
      code: flatImageRecipe(['echo fim-perms add everything', 'fim --help', '"./${PKG}" fim-perms add "${PERMS}"', '"./${PKG}" --version']),
    },
  ],
  invalid: [
    {
      name: 'unknown commands, operations, permissions and values, at the word',
      code: flatImageRecipe([
        '"./${PKG}" fim-prems add home',
        '"./${PKG}" fim-perms ad home',
        '"./${PKG}" fim-perms add "home,pulseaudio"',
        '"./${PKG}" fim-notify yes',
        '"./${PKG}" fim-bind add rx /a /b',
        '"./${PKG}" fim-perms',
        '"./${PKG}" fim-root',
      ]),
      errors: [
        "flatimage/fim-command error 19:16-19:25 Unknown FlatImage command 'fim-prems'; did you mean 'fim-perms'?",
        "flatimage/fim-command error 20:26-20:28 Unknown operation 'ad' for fim-perms: expected add, del, set, list or clear; did you mean 'add'?",
        "flatimage/fim-command error 21:36-21:46 Unknown permission 'pulseaudio' in fim-perms add: FlatImage knows home, media, audio, wayland, xorg, dbus_user, dbus_system, udev, usb, input, gpu, network, all, dev, optical, shm",
        "flatimage/fim-command error 22:27-22:30 fim-notify takes on or off, not 'yes'",
        "flatimage/fim-command error 23:29-23:31 fim-bind add takes ro, rw or dev, not 'rx'",
        'flatimage/fim-command error 24:16-24:25 fim-perms needs an operation: add, del, set, list or clear',
        'flatimage/fim-command error 25:16-25:24 fim-root needs a program to run inside the container',
      ],
      output: null,
    },
    {
      name: 'a v1.0.x fim-boot in a v2.0 script, naming the version of each form',
      code: flatImageRecipe(['"./${PKG}" fim-layer commit binary', '"./${PKG}" fim-boot /usr/bin/firefox']),
      errors: [
        "flatimage/fim-command error 20:16-20:41 fim-boot /usr/bin/firefox is FlatImage v1.0.x syntax, but this script already uses v2.0 syntax (fim-layer commit); in v2.0 write 'fim-boot set /usr/bin/firefox'",
      ],
      output: null,
    },
    {
      name: 'a v2.0 fim-boot in a v1.0.x script',
      code: flatImageRecipe(['"./${PKG}" fim-commit', '"./${PKG}" fim-boot set /usr/bin/firefox']),
      errors: [
        "flatimage/fim-command error 20:16-20:28 fim-boot set is FlatImage v2.0 syntax, but this script already uses v1.0.x syntax (fim-commit); in v1.0.x write 'fim-boot /usr/bin/firefox'",
      ],
      output: null,
    },
    {
      name: 'a v1.0.x command against a configured version 2',
      code: flatImageRecipe(['"./${PKG}" fim-commit']),
      options: { version: 2 },
      errors: ["flatimage/fim-command error 19:16-19:26 fim-commit is FlatImage v1.0.x syntax, but the configured FlatImage version is v2.0; in v2.0 write 'fim-layer commit binary'"],
      output: null,
    },
    {
      name: "a v2.0 permission against a configured version 1",
      code: flatImageRecipe(['"./${PKG}" fim-perms add shm']),
      options: { version: 1 },
      errors: ["flatimage/fim-command error 19:30-19:33 permission 'shm' is FlatImage v2.0 syntax, but the configured FlatImage version is v1.0.x"],
      output: null,
    },
    {
      name: 'v0.x commands',
      code: flatImageRecipe(['"./${PKG}" fim-perms-set home']),
      errors: ["flatimage/fim-command error 19:16-19:29 fim-perms-set is a FlatImage v0.x command, removed in v1.0.0; in v1.0.x write 'fim-perms set'"],
      output: null,
    },
    {
      name: 'a run script an alias stands for, inside the anchored text, naming the alias',
      code: withAliasedRun(flatImageRecipe(['"./${PKG}" fim-perms-set home'])),
      errors: [
        "flatimage/fim-command error 17:16-17:29 fim-perms-set is a FlatImage v0.x command, removed in v1.0.0; in v1.0.x write 'fim-perms set' (x_exec.run is alias *s on line 20, anchored on line 16)",
      ],
      output: null,
    },
  ],
});

describe('flatimage/fim-command places', () => {
  it('points at the form that decided the version as a related place', async () => {
    const [diagnostic] = await lint(flatImageRecipe(['"./${PKG}" fim-layer commit binary', '"./${PKG}" fim-boot /usr/bin/firefox']), { only: 'flatimage/fim-command' });
    expect(diagnostic!.related?.map(({ line, column, endLine, endColumn, message }) => `${line}:${column}-${endLine}:${endColumn} ${message}`)).toEqual([
      '19:16-19:32 fim-layer commit: v2.0 syntax',
    ]);
  });
});
