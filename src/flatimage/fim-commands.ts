/**
 * The `fim-*` commands of a FlatImage by version, from the FlatImage sources (v0 `_boot.sh`, v1.0.x
 * `src/boot/parser.hpp`, v2.0.x `src/parser/parser.hpp`). `v0` is 0.1.0–0.3.5, `v1` 1.0.0–1.0.8, `v2` 2.0.x.
 */
export type FimVersion = 'v0' | 'v1' | 'v2';

export const VERSION_NAMES: Record<FimVersion, string> = { v0: 'v0.x', v1: 'v1.0.x', v2: 'v2.0' };

export interface FimOperation {
  versions: FimVersion[];
  /** The comma-separated list its first argument holds, checked against `LISTS`. */
  list?: keyof typeof LISTS;
  /** The words its first argument may be. */
  choices?: string[];
}

export interface FimCommand {
  versions: FimVersion[];
  /** Sub-operations (`fim-perms add`); absent when the command takes free arguments. */
  operations?: Record<string, FimOperation>;
  /** The words its first argument may be, for commands without sub-operations (`fim-notify on`). */
  choices?: string[];
  /** What to use instead, for commands that were removed. */
  replacement?: string;
}

const V12: FimVersion[] = ['v1', 'v2'];
const ALL: FimVersion[] = ['v0', 'v1', 'v2'];

export const LISTS = {
  permissions: {
    home: V12, media: V12, audio: V12, wayland: V12, xorg: V12, dbus_user: V12, dbus_system: V12, udev: V12, usb: V12,
    input: V12, gpu: V12, network: V12, all: ['v2'], dev: ['v2'], optical: ['v2'], shm: ['v2'],
  } as Record<string, FimVersion[]>,
  unshare: { all: ['v2'], user: ['v2'], ipc: ['v2'], pid: ['v2'], net: ['v2'], uts: ['v2'], cgroup: ['v2'] } as Record<string, FimVersion[]>,
  integrations: { entry: V12, mimetype: V12, icon: V12, none: ['v2'] } as Record<string, FimVersion[]>,
};

const v0 = (replacement?: string): FimCommand => (replacement ? { versions: ['v0'], replacement } : { versions: ['v0'] });

export const FIM_COMMANDS: Record<string, FimCommand> = {
  'fim-root': { versions: ALL },
  'fim-exec': { versions: ALL },
  'fim-help': { versions: ALL },
  'fim-perms': {
    versions: V12,
    operations: {
      add: { versions: V12, list: 'permissions' },
      del: { versions: V12, list: 'permissions' },
      set: { versions: V12, list: 'permissions' },
      list: { versions: V12 },
      clear: { versions: ['v2'] },
    },
  },
  'fim-env': { versions: V12, operations: { add: { versions: V12 }, set: { versions: V12 }, del: { versions: V12 }, list: { versions: V12 }, clear: { versions: ['v2'] } } },
  'fim-desktop': {
    versions: V12,
    operations: {
      setup: { versions: V12 },
      enable: { versions: V12, list: 'integrations' },
      clean: { versions: ['v2'] },
      dump: { versions: ['v2'], choices: ['icon', 'entry', 'mimetype'] },
    },
  },
  'fim-layer': {
    versions: V12,
    operations: { create: { versions: V12 }, add: { versions: V12 }, commit: { versions: ['v2'], choices: ['binary', 'layer', 'file'] }, list: { versions: ['v2'] } },
  },
  'fim-bind': { versions: V12, operations: { add: { versions: V12, choices: ['ro', 'rw', 'dev'] }, del: { versions: V12 }, list: { versions: V12 } } },
  'fim-commit': { versions: ['v1'], replacement: 'fim-layer commit binary' },
  'fim-notify': { versions: V12, choices: ['on', 'off'] },
  'fim-casefold': { versions: V12, choices: ['on', 'off'] },
  // v1 takes the boot command directly; v2 has sub-operations (checked by the rule, as the two forms overlap).
  'fim-boot': { versions: V12 },
  'fim-cmd': { versions: ['v0', 'v1'], replacement: 'fim-boot set' },
  'fim-version': { versions: V12 },
  'fim-instance': { versions: ['v2'], operations: { exec: { versions: ['v2'] }, list: { versions: ['v2'] } } },
  'fim-overlay': { versions: ['v2'], operations: { set: { versions: ['v2'], choices: ['overlayfs', 'unionfs', 'bwrap'] }, show: { versions: ['v2'] } } },
  'fim-recipe': { versions: ['v2'], operations: { fetch: { versions: ['v2'] }, info: { versions: ['v2'] }, install: { versions: ['v2'] } } },
  'fim-remote': { versions: ['v2'], operations: { set: { versions: ['v2'] }, show: { versions: ['v2'] }, clear: { versions: ['v2'] } } },
  'fim-unshare': {
    versions: ['v2'],
    operations: {
      add: { versions: ['v2'], list: 'unshare' },
      del: { versions: ['v2'], list: 'unshare' },
      set: { versions: ['v2'], list: 'unshare' },
      list: { versions: ['v2'] },
      clear: { versions: ['v2'] },
    },
  },
  'fim-compress': v0(),
  'fim-resize': v0(),
  'fim-mount': v0(),
  'fim-xdg': v0(),
  'fim-config-set': v0('fim-env or fim-desktop'),
  'fim-config-list': v0('fim-env list'),
  'fim-perms-set': v0('fim-perms set'),
  'fim-perms-list': v0('fim-perms list'),
  'fim-include-path': v0(),
  'fim-dwarfs-add': v0('fim-layer add'),
  'fim-dwarfs-list': v0(),
  'fim-dwarfs-overlayfs': v0(),
  'fim-hook-add-pre': v0(),
  'fim-hook-add-post': v0(),
  'fim-hook-list': v0(),
};

/** The v2 sub-operations of `fim-boot`; any other first argument is the v1 form `fim-boot <command>`. */
export const FIM_BOOT_V2_OPERATIONS = ['set', 'show', 'clear'];
