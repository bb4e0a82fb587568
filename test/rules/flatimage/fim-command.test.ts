import { describe, expect, it } from 'vitest';
import { compact, lint, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const only = 'flatimage/fim-command';
const check = async (run: string[], options: Record<string, unknown> = {}) =>
  (await lint(flatImageRecipe(run), { only, config: { rules: { [only]: ['error', options] }, settings: { flatimage: { extraBaseImages: [] } } } })).map(compact);

describe('flatimage/fim-command', () => {
  it('accepts a v1.0.x build as pkgforge writes it', async () => {
    const run = [
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
    ];
    expect(await check(run)).toEqual([]);
  });

  it('accepts a v2.0 build', async () => {
    const run = ['"./${PKG}" fim-perms add shm,optical', '"./${PKG}" fim-boot set /usr/bin/firefox', '"./${PKG}" fim-overlay set bwrap', '"./${PKG}" fim-layer commit binary'];
    expect(await check(run)).toEqual([]);
  });

  it('reports unknown commands, operations, permissions and values at the word', async () => {
    const run = [
      '"./${PKG}" fim-prems add home',
      '"./${PKG}" fim-perms ad home',
      '"./${PKG}" fim-perms add "home,pulseaudio"',
      '"./${PKG}" fim-notify yes',
      '"./${PKG}" fim-bind add rx /a /b',
      '"./${PKG}" fim-perms',
      '"./${PKG}" fim-root',
    ];
    expect(await check(run)).toEqual([
      "flatimage/fim-command error 19:16-19:25 Unknown FlatImage command 'fim-prems'; did you mean 'fim-perms'?",
      "flatimage/fim-command error 20:26-20:28 Unknown operation 'ad' for fim-perms: expected add, del, set, list or clear; did you mean 'add'?",
      "flatimage/fim-command error 21:36-21:46 Unknown permission 'pulseaudio' in fim-perms add: FlatImage knows home, media, audio, wayland, xorg, dbus_user, dbus_system, udev, usb, input, gpu, network, all, dev, optical, shm",
      "flatimage/fim-command error 22:27-22:30 fim-notify takes on or off, not 'yes'",
      "flatimage/fim-command error 23:29-23:31 fim-bind add takes ro, rw or dev, not 'rx'",
      'flatimage/fim-command error 24:16-24:25 fim-perms needs an operation: add, del, set, list or clear',
      'flatimage/fim-command error 25:16-25:24 fim-root needs a program to run inside the container',
    ]);
  });

  it('says which version the fim-boot forms belong to when a script mixes them', async () => {
    expect(await check(['"./${PKG}" fim-layer commit binary', '"./${PKG}" fim-boot /usr/bin/firefox'])).toEqual([
      "flatimage/fim-command error 20:16-20:41 fim-boot /usr/bin/firefox is FlatImage v1.0.x syntax, but this script already uses v2.0 syntax (fim-layer commit at 19:16); in v2.0 write 'fim-boot set /usr/bin/firefox'",
    ]);
    expect(await check(['"./${PKG}" fim-commit', '"./${PKG}" fim-boot set /usr/bin/firefox'])).toEqual([
      "flatimage/fim-command error 20:16-20:28 fim-boot set is FlatImage v2.0 syntax, but this script already uses v1.0.x syntax (fim-commit at 19:16); in v1.0.x write 'fim-boot /usr/bin/firefox'",
    ]);
  });

  it('checks against a configured version', async () => {
    expect(await check(['"./${PKG}" fim-commit'], { version: 2 })).toEqual([
      "flatimage/fim-command error 19:16-19:26 fim-commit is FlatImage v1.0.x syntax, but the configured FlatImage version is v2.0; in v2.0 write 'fim-layer commit binary'",
    ]);
    expect(await check(['"./${PKG}" fim-perms add shm'], { version: 1 })).toEqual([
      "flatimage/fim-command error 19:30-19:33 permission 'shm' is FlatImage v2.0 syntax, but the configured FlatImage version is v1.0.x",
    ]);
  });

  it('reports v0.x commands', async () => {
    expect(await check(['"./${PKG}" fim-perms-set home'])).toEqual([
      "flatimage/fim-command error 19:16-19:29 fim-perms-set is a FlatImage v0.x command, removed in v1.0.0; in v1.0.x write 'fim-perms set'",
    ]);
  });

  it('leaves other programs, strings and variables alone', async () => {
    const run = ['echo fim-perms add everything', 'fim --help', '"./${PKG}" fim-perms add "${PERMS}"', '"./${PKG}" --version'];
    expect(await check(run)).toEqual([]);
  });

  it('checks a run script an alias stands for, inside the anchored text, naming the alias', async () => {
    const text = withAliasedRun(flatImageRecipe(['"./${PKG}" fim-perms-set home']));
    expect((await lint(text, { only, config: { rules: { [only]: ['error', {}] }, settings: { flatimage: { extraBaseImages: [] } } } })).map(compact)).toEqual([
      "flatimage/fim-command error 17:16-17:29 fim-perms-set is a FlatImage v0.x command, removed in v1.0.0; in v1.0.x write 'fim-perms set' (x_exec.run is alias *s on line 20, anchored on line 16)",
    ]);
  });
});
