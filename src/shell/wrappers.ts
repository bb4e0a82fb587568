import { findListing } from './listing.js';
import { ELSEWHERE } from './paths.js';
import { syntheticWord, type Word } from './words.js';

/** A program run with its arguments, directly or under wrappers such as `sudo` or `find -exec`. */
export interface Invocation {
  name: Word;
  args: Word[];
  /** The wrappers around it, outermost first: `sudo`, `find -exec`, `xargs`, `bash -c`. */
  via: string[];
  /** Script offsets from the program name to the end of its last argument. */
  start: number;
  end: number;
  /** The paths a pipe feeds it (what the previous stage lists), when known. */
  stdin: string[] | undefined;
  /** For `bash -c 'script' arg0 arg1…`: the script word and the positional parameters `$0`, `$1`, …. */
  innerScript?: { word: Word; shell: string; positional: string[][] };
  /** For a command run in a container (`docker run -v HOST:DIR … IMAGE cmd`): its mounts. */
  container?: Container;
  /** Variables set for this program alone: `NAME=value cmd`, `env NAME=value cmd`. */
  environment?: Assignment[];
  /** For `xargs -I{} sh -c 'strip {}'` and `find -exec sh -c 'strip {}' \;`: the placeholder and the paths it stands for. */
  replaced?: { placeholder: string; paths: string[] };
}

export interface Assignment {
  name: string;
  values: string[];
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** A container's view of the host: which host directories it mounts where. Paths not under a mount are its own. */
export interface Container {
  mounts: { host: string; target: string }[];
  /** Where relative paths are, on the host (undefined when not in a mount). */
  workdir: string | undefined;
  workdirIsOutdir: boolean;
}

/** A path no host file has: what a path inside a container that is not under a mount becomes. */
export const CONTAINER_ROOT = '${CONTAINER_ROOT}';

/** The last path segment of a program name: `/usr/bin/strip` is `strip`. */
export function programName(word: Word): string {
  const value = word.values[0] ?? '';
  return value.slice(value.lastIndexOf('/') + 1);
}

/** The invocation followed by every program it runs through wrappers, outermost first. */
export function unwrapCommand(invocation: Invocation, depth = 0): Invocation[] {
  if (depth > 8) return [invocation];
  const inner = unwrapOnce(invocation);
  return [invocation, ...inner.flatMap((each) => unwrapCommand(each, depth + 1))];
}

const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh', 'ash', 'mksh']);

/** Wrappers that run their operands as a command after their options: the options that take a value, and whether `NAME=value` may come first. */
const OPTION_WRAPPERS = new Map<string, { withValue: ReadonlySet<string>; assignments: boolean }>([
  ...optionWrappers(['sudo', 'doas'], ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T'], true),
  ...optionWrappers(['env'], ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], true),
  ...optionWrappers(['nice'], ['-n']),
  ...optionWrappers(['ionice'], ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata']),
  ...optionWrappers(['stdbuf'], ['-i', '-o', '-e']),
  ...optionWrappers(['setsid', 'fakeroot', 'eatmydata', 'unbuffer', 'catchsegv'], ['-l', '-s', '-i']),
  ...optionWrappers(['nohup', 'time', 'exec'], ['-a']),
  // `coproc CMD …` runs CMD beside the script (tree-sitter-bash reads the keyword as a command name).
  ...optionWrappers(['coproc'], []),
  ...optionWrappers(['setpriv'], [
    '--ruid', '--euid', '--rgid', '--egid', '--reuid', '--regid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits',
    '--pdeathsig', '--selinux-label', '--apparmor-profile', '--landlock-access', '--landlock-rule', '--seccomp-filter',
  ]),
  ...optionWrappers(['numactl'], [
    '-i', '--interleave', '-w', '--weighted-interleave', '-p', '--preferred', '-P', '--preferred-many', '-m', '--membind', '-N', '--cpunodebind',
    '-c', '--cpubind', '-C', '--physcpubind', '-S', '--shm', '-f', '--file', '-o', '--offset', '-L', '--length', '-M', '--shmmode', '-I', '--shmid',
  ]),
  ...optionWrappers(['strace'], [
    '-e', '-o', '-p', '-u', '-E', '-I', '-P', '-a', '-s', '-X', '-O', '-S', '-U', '-b', '--trace', '--signal', '--status', '--trace-path',
    '--columns', '--read', '--write', '--inject', '--fault', '--output', '--string-limit', '--const-print-style', '--summary-syscall-overhead',
    '--summary-sort-by', '--summary-columns', '--attach', '--user', '--env', '--interruptible', '--detach-on',
  ]),
  ...optionWrappers(['ltrace'], [
    '-a', '-A', '-D', '-e', '-F', '-l', '-n', '-o', '-p', '-s', '-u', '-w', '-x', '--align', '--config', '--indent', '--library', '--output',
    '--where',
  ]),
  // watch runs its operands joined into one `sh -c` string (or exec'd with -x): either way, the command they spell.
  ...optionWrappers(['watch'], ['-n', '--interval', '-q', '--equexit']),
]);

function optionWrappers(names: string[], withValue: string[], assignments = false): [string, { withValue: ReadonlySet<string>; assignments: boolean }][] {
  const options = { withValue: new Set(withValue), assignments };
  return names.map((name) => [name, options]);
}

/** Wrappers that find the command they run in a way of their own. */
const OWN_WAY_WRAPPERS = new Map<string, (invocation: Invocation, name: string) => Invocation[]>([
  ['flock', flock],
  ['su', su],
  ['runuser', su],
  ['nix-shell', nixShell],
  ['nix', nix],
  ['parallel', parallel],
  ['prlimit', prlimit],
  ['systemd-run', systemdRun],
  ['bwrap', bwrap],
  ['chroot', chroot],
  ['unshare', unshare],
  ['script', script],
  ['docker', containerRun],
  ['podman', containerRun],
  ['xargs', xargs],
  ['find', findExec],
]);

function unwrapOnce(invocation: Invocation): Invocation[] {
  const name = programName(invocation.name);
  const args = invocation.args;
  const wrapper = OPTION_WRAPPERS.get(name);
  if (wrapper) return after(invocation, name, skipOptions(args, 0, wrapper.withValue, wrapper.assignments));
  const ownWay = OWN_WAY_WRAPPERS.get(name);
  if (ownWay) return ownWay(invocation, name);
  switch (name) {
    case 'command': {
      const first = args[0]?.values[0];
      if (first === '-v' || first === '-V') return [];
      return after(invocation, name, skipOptions(args, 0, new Set(), false));
    }
    case 'builtin':
      return after(invocation, name, skipOptions(args, 0, new Set(), false));
    case 'taskset':
      return after(invocation, name, skipOptions(args, 0, new Set(), false) + (args.some((arg) => /^-[a-z]*c|^--cpu-list/.test(arg.values[0] ?? '')) ? 0 : 1));
    case 'chrt':
      return after(invocation, name, skipOptions(args, 0, new Set(['-T', '-P', '-D']), false) + 1);
    case 'timeout': {
      const duration = skipOptions(args, 0, new Set(['-s', '-k', '--signal', '--kill-after']), false);
      return after(invocation, name, duration + 1);
    }
    case 'busybox':
      if (!args[0] || !SHELLS.has(programName(args[0]))) return after(invocation, name, 0);
      invocation.innerScript = innerScript(args.slice(1), programName(args[0]));
      return [];
    default:
      if (SHELLS.has(name)) invocation.innerScript = innerScript(args, name);
      return [];
  }
}

/**
 * Programs that run text as a script: what they run may hold a name the script built (`eval "$cmd"`, `bash s.sh`). An
 * alias is text the shell puts in place of a command name.
 */
export const SCRIPT_RUNNERS: ReadonlySet<string> = new Set([...SHELLS, 'eval', 'source', '.', 'trap', 'alias']);
/** Programs that run a program their arguments name. */
export const COMMAND_RUNNERS: ReadonlySet<string> = new Set([
  ...OPTION_WRAPPERS.keys(), ...OWN_WAY_WRAPPERS.keys(), 'command', 'builtin', 'taskset', 'chrt', 'timeout', 'busybox',
]);

/** The index of the first argument that is neither an option (nor an option's value) nor, if allowed, `NAME=value`. */
function skipOptions(args: Word[], from: number, withValue: ReadonlySet<string>, assignments: boolean): number {
  let index = from;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (value === '--') return index + 1;
    if (assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) index++;
    else if (value.startsWith('-') && value.length > 1) index += withValue.has(value) ? 2 : 1;
    else break;
  }
  return index;
}

function after(invocation: Invocation, wrapper: string, index: number): Invocation[] {
  const name = invocation.args[index];
  if (!name) return [];
  const args = invocation.args.slice(index + 1);
  const inner: Invocation = { name, args, via: [...invocation.via, wrapper], start: name.start, end: (args[args.length - 1] ?? name).end, stdin: invocation.stdin };
  if (invocation.container) inner.container = invocation.container;
  // `env NAME=value cmd`, `sudo NAME=value cmd`: the assignments among the wrapper's own words.
  const environment = [...(invocation.environment ?? []), ...invocation.args.slice(0, index).flatMap(assignment)];
  if (environment.length > 0) inner.environment = environment;
  return [inner];
}

function assignment(word: Word): Assignment[] {
  const name = ASSIGNMENT.exec(word.values[0] ?? '')?.[1];
  return name === undefined ? [] : [{ name, values: word.values.map((value) => value.slice(name.length + 1)) }];
}

/** `flock FILE cmd args` or `flock FILE -c 'script'`. */
function flock(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  const lock = skipOptions(args, 0, new Set(['-w', '--timeout', '-E', '--conflict-exit-code']), false);
  const command = args.findIndex((arg, index) => index > lock && ['-c', '--command'].includes(arg.values[0] ?? ''));
  if (command !== -1) {
    const script = args[command + 1];
    if (script) invocation.innerScript = { word: script, shell: 'flock -c', positional: [['flock']] };
    return [];
  }
  return after(invocation, 'flock', skipOptions(args, lock + 1, new Set(['-w', '--timeout', '-E', '--conflict-exit-code']), false));
}

/** `su [-] [user] -c 'script'` and `runuser -u user -- cmd args` / `runuser -c 'script'`. */
function su(invocation: Invocation, name: string): Invocation[] {
  const args = invocation.args;
  const command = args.findIndex((arg) => ['-c', '--command', '--session-command'].includes(arg.values[0] ?? ''));
  if (command !== -1) {
    const script = args[command + 1];
    if (script) invocation.innerScript = { word: script, shell: `${name} -c`, positional: [[name]] };
    return [];
  }
  const separator = args.findIndex((arg) => arg.values[0] === '--');
  return name === 'runuser' && separator !== -1 ? after(invocation, name, separator + 1) : [];
}

/** `script [options] -c 'command' [file]`: the command is a string the user's shell runs (`$SHELL -c`). */
function script(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  const command = args.findIndex((arg) => /^-[aefq]*c$|^--command$/.test(arg.values[0] ?? ''));
  const text = command === -1 ? undefined : args[command + 1];
  if (text) invocation.innerScript = { word: text, shell: 'script -c', positional: [['script']] };
  return [];
}

/** `prlimit [--resource=limits…] cmd args`; `prlimit --pid PID …` changes a running process and runs nothing. */
function prlimit(invocation: Invocation): Invocation[] {
  const index = skipOptions(invocation.args, 0, new Set(['-p', '--pid', '-o', '--output']), false);
  const options = invocation.args.slice(0, index).map((arg) => arg.values[0] ?? '');
  return options.some((option) => /^(-p|--pid)(=|$)|^-p\d/.test(option)) ? [] : after(invocation, 'prlimit', index);
}

const SYSTEMD_RUN_OPTIONS_WITH_VALUE = new Set([
  '-H', '--host', '-M', '--machine', '-C', '--capsule', '-u', '--unit', '-p', '--property', '-E', '--setenv', '--description', '--slice',
  '--service-type', '--uid', '--gid', '--nice', '--working-directory', '--expand-environment', '--path-property', '--socket-property',
  '--timer-property', '--on-active', '--on-boot', '--on-startup', '--on-unit-active', '--on-unit-inactive', '--on-calendar',
]);

/**
 * `systemd-run [options] cmd args`: a service starts in `/` (the home directory with `--user`) unless `--same-dir` or
 * `--working-directory` says otherwise; a `--scope` runs where the caller is.
 */
function systemdRun(invocation: Invocation): Invocation[] {
  const index = skipOptions(invocation.args, 0, SYSTEMD_RUN_OPTIONS_WITH_VALUE, false);
  const [inner] = after(invocation, 'systemd-run', index);
  if (!inner) return [];
  const options = invocation.args.slice(0, index).map((arg) => arg.values[0] ?? '');
  if (options.some((option) => option === '--scope' || option === '--same-dir' || /^-[tPqGrS]*d/.test(option))) return [inner];
  const chosen = options.findIndex((option) => option.startsWith('--working-directory'));
  const directory = chosen === -1 ? (options.includes('--user') ? '${HOME}' : '') : (options[chosen]!.split('=')[1] ?? options[chosen + 1] ?? '');
  inner.args = inner.args.map((arg) => inDirectory(arg, directory));
  return [inner];
}

/**
 * `chroot [options] NEWROOT cmd args`: the command sees NEWROOT as `/`, and starts in it (`--skip-chdir`, which only a
 * NEWROOT of `/` allows, keeps the working directory).
 */
function chroot(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  const root = skipOptions(args, 0, new Set(['--userspec', '--groups']), false);
  const newRoot = args[root]?.values;
  const [inner] = after(invocation, 'chroot', root + 1);
  if (!inner || !newRoot) return [];
  const skipChdir = args.slice(0, root).some((arg) => arg.values[0] === '--skip-chdir');
  return [underRoot(inner, newRoot, skipChdir ? undefined : '/')];
}

/**
 * A command run with `newRoot` as its `/`, starting in `directory` inside it (undefined: where the caller is). Its
 * words are put into host terms, as a container's are, unless the root is `/`.
 */
function underRoot(inner: Invocation, newRoot: string[], directory: string | undefined): Invocation {
  if (newRoot.every((value) => /^\/+$/.test(value))) {
    if (directory !== undefined) inner.args = inner.args.map((arg) => inDirectory(arg, directory.replace(/\/+$/, '')));
    return inner;
  }
  const host = newRoot.length === 1 ? newRoot[0]!.replace(/\/+$/, '') : undefined;
  const inside = (directory ?? '/').replace(/^\/*/, '/').replace(/\/+$/, '');
  const workdir = host === undefined ? undefined : `${host}${inside}`;
  return inContainer(inner, { mounts: host === undefined ? [] : [{ host, target: '/' }], workdir, workdirIsOutdir: isOutdir(workdir) });
}

const UNSHARE_OPTIONS_WITH_VALUE = new Set([
  '-R', '--root', '-w', '--wd', '-S', '--setuid', '-G', '--setgid', '--map-user', '--map-group', '--map-users', '--map-groups', '--propagation',
  '--setgroups', '--monotonic', '--boottime',
]);

/**
 * `unshare [options] cmd args`: `-R`/`--root DIR` makes DIR the command's `/`, as `chroot` does, and `-w`/`--wd DIR`
 * starts it in DIR, which is inside the new root when there is one (`/` when none is given).
 */
function unshare(invocation: Invocation): Invocation[] {
  const index = skipOptions(invocation.args, 0, UNSHARE_OPTIONS_WITH_VALUE, false);
  const [inner] = after(invocation, 'unshare', index);
  if (!inner) return [];
  const options = invocation.args.slice(0, index);
  const root = optionValues(options, '-R', '--root');
  const directory = optionValues(options, '-w', '--wd');
  const known = (values: string[] | undefined) => (values === undefined ? undefined : values.length === 1 ? values[0]! : ELSEWHERE);
  if (root) return [underRoot(inner, root, known(directory) ?? '/')];
  if (directory) inner.args = inner.args.map((arg) => inDirectory(arg, known(directory)!));
  return [inner];
}

/** The values of the last of the options so named: `-R DIR`, `-RDIR`, `--root DIR`, `--root=DIR`. */
function optionValues(options: Word[], short: string, long: string): string[] | undefined {
  let found: string[] | undefined;
  options.forEach((option, index) => {
    const value = option.values[0] ?? '';
    if (value === short || value === long) found = options[index + 1]?.values;
    else if (value.startsWith(`${long}=`)) found = option.values.map((each) => each.slice(long.length + 1));
    else if (value.startsWith(short) && !value.startsWith('--')) found = option.values.map((each) => each.slice(short.length));
  });
  return found;
}

/** bwrap's options that take a value, and how many. */
const BWRAP_OPTION_VALUES = new Map<string, number>([
  ...['--bind', '--bind-try', '--dev-bind', '--dev-bind-try', '--ro-bind', '--ro-bind-try', '--bind-fd', '--ro-bind-fd', '--file', '--bind-data',
    '--ro-bind-data', '--symlink', '--chmod', '--setenv'].map((option): [string, number] => [option, 2]),
  ['--overlay', 3],
  ...['--args', '--argv0', '--userns', '--userns2', '--pidns', '--uid', '--gid', '--hostname', '--chdir', '--unsetenv', '--lock-file', '--sync-fd',
    '--remount-ro', '--exec-label', '--file-label', '--proc', '--dev', '--tmpfs', '--mqueue', '--dir', '--seccomp', '--add-seccomp-fd', '--block-fd',
    '--userns-block-fd', '--info-fd', '--json-status-fd', '--cap-add', '--cap-drop', '--perms', '--size', '--overlay-src', '--tmp-overlay',
    '--ro-overlay'].map((option): [string, number] => [option, 1]),
]);
const BWRAP_WRITABLE_BINDS = new Set(['--bind', '--bind-try', '--dev-bind', '--dev-bind-try']);

/**
 * `bwrap [options] cmd args`: the command sees only what the options bind, as a container sees its mounts; binding the
 * host's `/` writable at `/` leaves every path the host's. Without `--chdir` it stays in the working directory when
 * that is bound at the same path.
 */
function bwrap(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  const mounts: Container['mounts'] = [];
  let chdir: string | undefined;
  let index = 0;
  while (index < args.length) {
    const option = args[index]!.values[0] ?? '';
    if (option === '--') {
      index++;
      break;
    }
    if (!option.startsWith('-')) break;
    const values = args.slice(index + 1, index + 1 + (BWRAP_OPTION_VALUES.get(option) ?? 0)).map((arg) => arg.values[0] ?? '');
    const [source, destination] = values;
    if (BWRAP_WRITABLE_BINDS.has(option) && source !== undefined && destination !== undefined) {
      mounts.push({ host: source.replace(/\/+$/, ''), target: destination.replace(/\/+$/, '') || '/' });
    }
    if (option === '--chdir') chdir = source;
    index += 1 + values.length;
  }
  const [inner] = after(invocation, 'bwrap', index);
  if (!inner) return [];
  if (mounts.some(({ host, target }) => host === '' && target === '/')) {
    if (chdir !== undefined) inner.args = inner.args.map((arg) => inDirectory(arg, chdir));
    return [inner];
  }
  const workdir = chdir === undefined ? mounts.find(({ host, target }) => host === target && isOutdir(host))?.host : hostPath(chdir, mounts);
  return [inContainer(inner, { mounts, workdir, workdirIsOutdir: isOutdir(workdir) })];
}

/** `nix-shell … --run 'script'` (or `--command`): the script runs in a shell with the packages. */
function nixShell(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  const run = args.findIndex((arg) => arg.values[0] === '--run' || arg.values[0] === '--command');
  const script = run === -1 ? undefined : args[run + 1];
  if (script) invocation.innerScript = { word: script, shell: `nix-shell ${args[run]!.values[0]}`, positional: [['nix-shell']] };
  return [];
}

/** `nix develop … -c cmd args`, `nix shell … -c cmd args` (also `--command`). */
function nix(invocation: Invocation): Invocation[] {
  const sub = invocation.args[0]?.values[0];
  if (sub !== 'develop' && sub !== 'shell') return [];
  const command = invocation.args.findIndex((arg) => arg.values[0] === '-c' || arg.values[0] === '--command');
  return command === -1 ? [] : after(invocation, `nix ${sub}`, command + 1);
}

/** `parallel [options] cmd args ::: inputs…`: the command runs with each input appended (or put at `{}`). */
function parallel(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  const separator = args.findIndex((arg) => /^:::+$/.test(arg.values[0] ?? ''));
  const start = skipOptions(args, 0, new Set(['-j', '--jobs', '-P', '--max-procs', '-S', '--sshlogin', '--joblog', '--results', '--delay', '--timeout', '--retries', '-n', '--max-args', '-d', '--delimiter', '-a', '--arg-file', '--tmpdir', '--halt']), false);
  const end = separator === -1 ? args.length : separator;
  const [unwrapped] = after({ ...invocation, args: args.slice(0, end) }, 'parallel', start);
  if (!unwrapped) return [];
  const inputs = separator === -1 ? invocation.stdin ?? [] : args.slice(separator + 1).filter((arg) => !/^:::+$/.test(arg.values[0] ?? '')).flatMap((arg) => arg.values);
  if (unwrapped.args.some((arg) => arg.values.some((value) => value.includes('{}')))) {
    unwrapped.args = unwrapped.args.map((arg) => replacePlaceholder(arg, '{}', inputs));
  } else if (inputs.length > 0) {
    const at = args[separator] ?? invocation.args[invocation.args.length - 1]!;
    unwrapped.args = [...unwrapped.args, syntheticWord(inputs, { start: at.start, end: invocation.end })];
    unwrapped.end = invocation.end;
  }
  return [unwrapped];
}

const CONTAINER_OPTIONS_WITH_VALUE = new Set([
  '-v', '--volume', '--mount', '-w', '--workdir', '-e', '--env', '--env-file', '--name', '-u', '--user', '--platform', '--network', '--net',
  '-p', '--publish', '--entrypoint', '-h', '--hostname', '--cap-add', '--cap-drop', '--device', '--security-opt', '--tmpfs', '--ulimit',
  '-l', '--label', '-m', '--memory', '--cpus', '--shm-size', '--add-host', '--dns', '--log-driver', '--log-opt', '--pull', '--restart',
  '--ipc', '--pid', '--userns', '--group-add', '--runtime', '--stop-signal', '--gpus', '--cidfile', '--volumes-from', '--arch', '--os',
]);

/** `docker run [options] IMAGE cmd args` (also podman): the command runs in the container, with its mounts mapped to the host. */
function containerRun(invocation: Invocation, engine: string): Invocation[] {
  const args = invocation.args;
  if (args[0]?.values[0] !== 'run') return [];
  const mounts: Container['mounts'] = [];
  let workdir: string | undefined;
  let entrypoint: Word | undefined;
  let index = 1;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (!value.startsWith('-')) break;
    const equals = value.startsWith('--') ? value.indexOf('=') : -1;
    const option = equals === -1 ? value : value.slice(0, equals);
    const takes = CONTAINER_OPTIONS_WITH_VALUE.has(option);
    const optionValue = equals !== -1 ? value.slice(equals + 1) : takes ? args[index + 1]?.values[0] : undefined;
    if (option === '--entrypoint') entrypoint = equals === -1 ? args[index + 1] : { ...args[index]!, values: [value.slice(equals + 1)] };
    index += takes && equals === -1 ? 2 : 1;
    if (optionValue === undefined) continue;
    if (option === '-v' || option === '--volume') {
      const [host, target, mode] = optionValue.split(':');
      if (host && target && !/(^|,)ro(,|$)/.test(mode ?? '')) mounts.push({ host: host.replace(/\/+$/, ''), target: target.replace(/\/+$/, '') || '/' });
    } else if (option === '--mount') {
      const fields = Object.fromEntries(optionValue.split(',').map((field) => field.split('=') as [string, string]));
      const host = fields.source ?? fields.src;
      const target = fields.target ?? fields.destination ?? fields.dst;
      if (host && target && !('readonly' in fields) && !('ro' in fields)) mounts.push({ host: host.replace(/\/+$/, ''), target: target.replace(/\/+$/, '') || '/' });
    } else if (option === '-w' || option === '--workdir') workdir = optionValue;
  }
  const hostWorkdir = workdir === undefined ? undefined : hostPath(workdir, mounts);
  // `--entrypoint PROGRAM` runs PROGRAM with the words after the image as its arguments (`--entrypoint ''` resets it).
  const command = entrypoint?.values[0] ? [entrypoint, ...args.slice(index + 1)] : args.slice(index + 1);
  const [inner] = args[index] ? after({ ...invocation, args: command }, `${engine} run`, 0) : [];
  return inner ? [inContainer(inner, { mounts, workdir: hostWorkdir, workdirIsOutdir: isOutdir(hostWorkdir) })] : [];
}

function isOutdir(path: string | undefined): boolean {
  return path !== undefined && /^(\.|\$\{(SBUILD_OUTDIR|PWD)\})$/.test(path);
}

/** A command run in a container, its words put into host terms. */
function inContainer(inner: Invocation, container: Container): Invocation {
  return { ...inner, container, args: inner.args.map((arg) => containerPath(arg, container)) };
}

function hostPath(path: string, mounts: Container['mounts']): string | undefined {
  for (const { host, target } of mounts) {
    if (path === target) return host;
    if (path.startsWith(`${target === '/' ? '' : target}/`)) return `${host}${path.slice(target === '/' ? 0 : target.length)}`;
  }
  return undefined;
}

/** A path that starts at a directory of the host. */
const HOST_DIRECTORY = /^\$\{(SBUILD_OUTDIR|SBUILD_TMPDIR|PWD|HOME|ELSEWHERE)\}/;

/** A word of a command run with another working directory (`/` for `chroot /`): its relative paths, from there. */
function inDirectory(word: Word, directory: string): Word {
  const values = word.values.map((value) => (value === '' || /^[-/]/.test(value) || HOST_DIRECTORY.test(value) ? value : `${directory}/${value.replace(/^\.\//, '')}`));
  return values.every((value, index) => value === word.values[index]) ? word : { ...word, values, literal: false, written: word.written ?? word.values };
}

/** A word of a command run in a container, with each path it may be put into host terms. */
export function containerPath(word: Word, container: Container): Word {
  const values = word.values.map((value) => {
    if (value.startsWith('-') || value === '') return value;
    if (value.startsWith('/')) return hostPath(value, container.mounts) ?? `${CONTAINER_ROOT}${value}`;
    // A host directory is not there unless mounted at the same path; other variables (`${PKG}`) are names.
    if (HOST_DIRECTORY.test(value)) return hostPath(value, container.mounts) ?? `${CONTAINER_ROOT}/${value}`;
    return container.workdir === undefined ? `${CONTAINER_ROOT}/${value}` : `${container.workdir}/${value.replace(/^\.\//, '')}`;
  });
  return values.every((value, index) => value === word.values[index]) ? word : { ...word, values, literal: false, written: word.written ?? word.values };
}

/**
 * For a shell that reads its script from standard input (`bash`, `sh -s arg…`, `bash -`): its name for messages and
 * its positional parameters (`$0` first). Undefined when it runs `-c` or a script file.
 */
export function stdinShell(invocation: Invocation): { shell: string; positional: string[][] } | undefined {
  const operands = shellOperands(invocation);
  if (!operands || (!operands.fromStdin && operands.index < invocation.args.length)) return undefined;
  const { name, fromStdin, index } = operands;
  return { shell: `${name}${fromStdin ? ' -s' : ''}`, positional: [[name], ...invocation.args.slice(index).map((arg) => arg.values)] };
}

/**
 * For a shell that runs a script file (`bash build.sh arg…`): the file, the shell's name for messages and the
 * positional parameters (`$0`, the file, first).
 */
export function scriptFileShell(invocation: Invocation): { file: Word; shell: string; positional: string[][] } | undefined {
  const operands = shellOperands(invocation);
  const file = operands && !operands.fromStdin ? invocation.args[operands.index] : undefined;
  if (!operands || !file) return undefined;
  return { file, shell: `${operands.name} ${shownFile(file)}`, positional: invocation.args.slice(operands.index).map((arg) => arg.values) };
}

/** A script file as messages name it: a process substitution, which may be long, as `<(…)`. */
export function shownFile(file: Word): string {
  return file.raw.startsWith('<(') ? '<(…)' : file.raw;
}

/** A shell's options, read up to its first operand: where that is, and whether the script comes from standard input. */
function shellOperands(invocation: Invocation): { name: string; fromStdin: boolean; index: number } | undefined {
  const name = programName(invocation.name);
  if (!SHELLS.has(name) || invocation.innerScript) return undefined;
  const args = invocation.args;
  let index = 0;
  let fromStdin = false;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (value === '-' || value === '--') {
      fromStdin ||= value === '-';
      index++;
      break;
    }
    if (!/^[-+]/.test(value)) break;
    if (/^-[A-Za-z]*s/.test(value)) fromStdin = true;
    index += SHELL_OPTIONS_WITH_VALUE.has(value) ? 2 : 1;
  }
  return { name, fromStdin, index };
}

/** The file `xargs -a FILE`, `--arg-file=FILE` reads its arguments from instead of standard input. */
export function xargsArgFile(args: readonly Word[]): Word | undefined {
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.values[0] ?? '';
    if (!value.startsWith('-') || value === '-' || value === '--') return undefined;
    if (value === '-a' || value === '--arg-file') return args[index + 1];
    if (/^-a./.test(value) || value.startsWith('--arg-file=')) return { ...args[index]!, values: [value.replace(/^(-a|--arg-file=)/, '')] };
    if (XARGS_OPTIONS_WITH_VALUE.includes(value)) index++;
  }
  return undefined;
}

const XARGS_OPTIONS_WITH_VALUE = ['-L', '-n', '-P', '-s', '-d', '-E', '-I', '--max-args', '--max-procs', '--delimiter'];

function replacePlaceholder(word: Word, placeholder: string, paths: string[]): Word {
  if (!word.values.some((value) => value.includes(placeholder))) return word;
  const values = word.values.flatMap((value) => (value.includes(placeholder) ? paths.map((path) => value.split(placeholder).join(path)) : [value]));
  return { ...word, values, literal: false };
}

function xargs(invocation: Invocation): Invocation[] {
  const args = invocation.args;
  let replace: string | undefined;
  let perCommand: number | undefined;
  let index = 0;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (!value.startsWith('-') || value === '-') break;
    if (value === '--') {
      index++;
      break;
    }
    const count = /^(?:-[nL]|--max-args=|--max-lines=)(\d+)$/.exec(value);
    if (value === '-I' || value === '--replace') replace = args[++index]?.values[0];
    else if (value.startsWith('-I')) replace = value.slice(2);
    else if (value.startsWith('-i') || value.startsWith('--replace=')) replace = value.replace(/^(-i|--replace=?)/, '') || '{}';
    else if (count) perCommand = Number(count[1]);
    else if (['-n', '-L', '--max-args', '--max-lines'].includes(value)) perCommand = Number(args[++index]?.values[0]) || undefined;
    else if ([...XARGS_OPTIONS_WITH_VALUE, '-a', '--arg-file'].includes(value)) index++;
    index++;
  }
  const [unwrapped] = after(invocation, 'xargs', index);
  if (!unwrapped) return [];
  const input = invocation.stdin ?? [];
  if (replace) {
    unwrapped.name = replacePlaceholder(unwrapped.name, replace, input);
    unwrapped.args = unwrapped.args.map((arg) => replacePlaceholder(arg, replace!, input));
    if (input.length > 0) unwrapped.replaced = { placeholder: replace, paths: input };
  } else if (SHELLS.has(programName(unwrapped.name)) && input.length > 0 && input.length <= MAX_ORDERED_ITEMS) {
    return inOrder(unwrapped, input, perCommand ?? input.length, invocation.end);
  } else if (input.length > 0) {
    unwrapped.args = [...unwrapped.args, syntheticWord(input, { start: invocation.end, end: invocation.end })];
  }
  return [unwrapped];
}

/**
 * Items xargs gives a shell that are followed in their order, up to this many: each run is a script inside the script,
 * which counts against that limit. More are given as one word that may be any of them, as to other programs.
 */
const MAX_ORDERED_ITEMS = 32;

/**
 * A shell that xargs runs (`xargs -n2 sh -c '"$0" "$1"'`) gets the items as its positional parameters in their order,
 * `perCommand` at a time, one invocation each: where an item lands decides what the script does with it.
 */
function inOrder(shell: Invocation, items: string[], perCommand: number, at: number): Invocation[] {
  const size = Math.max(1, perCommand);
  const groups: Invocation[] = [];
  for (let start = 0; start < items.length; start += size) {
    groups.push({ ...shell, args: [...shell.args, ...items.slice(start, start + size).map((item) => syntheticWord([item], { start: at, end: at }))] });
  }
  return groups;
}

function findExec(invocation: Invocation): Invocation[] {
  const listing = findListing(invocation.args.map((arg) => arg.values));
  const result: Invocation[] = [];
  const args = invocation.args;
  for (let index = 0; index < args.length; index++) {
    const action = args[index]!.values[0];
    if (action !== '-exec' && action !== '-execdir' && action !== '-ok' && action !== '-okdir') continue;
    let end = index + 1;
    while (end < args.length && args[end]!.values[0] !== ';' && args[end]!.values[0] !== '+') end++;
    const segment = args.slice(index + 1, end).map((arg) => replacePlaceholder(arg, '{}', listing));
    const [name, ...rest] = segment;
    if (name) {
      const last = rest[rest.length - 1] ?? name;
      result.push({ name, args: rest, via: [...invocation.via, `find ${action}`], start: name.start, end: last.end, stdin: undefined, replaced: { placeholder: '{}', paths: listing } });
    }
    index = end;
  }
  return result;
}

const SHELL_OPTIONS_WITH_VALUE = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** The script of `bash -c 'script' arg0 arg1…` (any option cluster holding `c`), with its positional parameters. */
function innerScript(args: Word[], shell: string): Invocation['innerScript'] {
  let index = 0;
  let command = false;
  while (index < args.length) {
    const value = args[index]!.values[0] ?? '';
    if (!/^[-+]/.test(value) || value === '-' || value === '--') break;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value)) command = true;
    // Each `o`/`O` of a cluster takes the next word: `-euxo pipefail`.
    const values = SHELL_OPTIONS_WITH_VALUE.has(value) ? 1 : /^[-+][A-Za-z]+$/.test(value) ? (value.match(/[oO]/g)?.length ?? 0) : 0;
    index += 1 + values;
  }
  const script = args[index];
  if (!command || !script) return undefined;
  return { word: script, shell: `${shell} -c`, positional: args.slice(index + 1).map((arg) => arg.values) };
}
