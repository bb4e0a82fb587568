import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { stopChild, trackChild } from '../core/child-processes.js';

/**
 * The shell that starts ShellCheck. It reads two lines per batch on its standard input, `<id> <count> <dialect>` and
 * the batch's folder, and runs ShellCheck on the folder's scripts `0.sh` to `<count - 1>.sh` under the memory and
 * output limits (`ulimit -v`, `ulimit -f`), its output to `out` and `err` in the folder. It answers `started <id> <pid>`
 * and then `ended <id> <status>` (128 + the signal for one killed). On a line `end` it waits for its batches; at the
 * end of its input without one, fim-lint is gone, however it ended, and it does not wait. Either way it then kills its
 * process group: nothing it started outlives the run. Arguments: ShellCheck, the memory limit in kilobytes, the output
 * limit in 512-byte blocks, then ShellCheck's options.
 */
const LAUNCHER_SCRIPT = `# fim-lint: starts ShellCheck
shellcheck=$0 memory=$1 output=$2
shift 2
while IFS=' ' read -r id count dialect; do
  if [ "$id" = end ]; then wait; break; fi
  IFS= read -r folder || break
  {
    set -- "$@" --shell="$dialect" --
    i=0
    while [ "$i" -lt "$count" ]; do set -- "$@" "$folder/$i.sh"; i=$((i + 1)); done
    (ulimit -v "$memory" && ulimit -f "$output" && exec "$shellcheck" "$@") >"$folder/out" 2>"$folder/err" </dev/null &
    echo "started $id $!"
    wait "$!"
    echo "ended $id $?"
  } </dev/null &
done
kill -KILL 0
`;

/** The names the launcher's protocol can carry: a dialect is one word, and a folder one line. */
const DIALECT = /^[a-z]+$/;

/** The limits one launcher applies to every ShellCheck it starts. */
export interface LaunchLimits {
  memoryKilobytes: number;
  outputBytes: number;
  /** How long a batch may run: `close` waits at most this long, and a little more, for the last ones. */
  timeoutMs: number;
}

/** What `close` waits beyond the time limit of a batch before it kills the launcher's process group. */
const CLOSE_SLACK_MS = 5_000;

/** How a ShellCheck process ended: its exit status (128 + N for signal N), standard output and the start of its errors. */
export interface Exit {
  status: number;
  output: string;
  errors: string;
}

type LauncherProcess = ChildProcessByStdio<Writable, Readable, null>;

interface Batch {
  folder: string;
  pid?: number;
  /** Set when the process is to be killed as soon as its pid is known. */
  killWanted?: boolean;
  /** Set once the launcher said that it ended: its pid may be another process's by now. */
  ended?: boolean;
  resolve(exit: Exit): void;
  reject(error: unknown): void;
}

/** The most of ShellCheck's error output read: enough for its first message. */
export const MAX_ERROR_BYTES = 4096;

/**
 * Starts ShellCheck processes for one thread through a shell of its own, started once. Node starts a process with
 * `fork()`, which copies the page tables of the whole of fim-lint (heap, the shell parser's WebAssembly memory, the
 * other threads') and leaves every page to be copied on its next write: measured on a corpus run with `--concurrency
 * off`, the forty-odd ShellCheck processes started from fim-lint cost it 3 to 4 CPU-seconds, in the forks and in the
 * page faults that follow each one. The shell's own pages are a few hundred kilobytes.
 */
export class ShellCheckLauncher {
  readonly #executable: string;
  readonly #options: readonly string[];
  readonly #limits: LaunchLimits;
  readonly #environment: NodeJS.ProcessEnv;
  #shell: LauncherShell | undefined;

  /** `options` come before `--shell=<dialect> -- <scripts>` on ShellCheck's command line. */
  constructor(executable: string, options: readonly string[], limits: LaunchLimits, environment: NodeJS.ProcessEnv) {
    this.#executable = executable;
    this.#options = options;
    this.#limits = limits;
    this.#environment = environment;
  }

  /** Whether a batch in `folder` of `dialect` can go through the launcher's line protocol. */
  static carries(folder: string, dialect: string): boolean {
    return !folder.includes('\n') && DIALECT.test(dialect);
  }

  /**
   * Runs ShellCheck on the scripts `0.sh` to `<count - 1>.sh` of `folder` (see `carries`). Resolves when it ends;
   * `kill` stops it early.
   */
  run(folder: string, count: number, dialect: string): { exit: Promise<Exit>; kill(): void } {
    if (!this.#shell?.alive) {
      const { memoryKilobytes, outputBytes } = this.#limits;
      const args = [this.#executable, String(memoryKilobytes), String(Math.ceil(outputBytes / 512)), ...this.#options];
      this.#shell = new LauncherShell(args, this.#environment, this.#limits.outputBytes);
    }
    return this.#shell.run(folder, count, dialect);
  }

  /**
   * Lets the launcher finish the batches it was given and exit, and waits for it: its processes are then reaped by
   * fim-lint, which counts their CPU time as its children's (as \`time\` reports it). A later `run` starts another.
   */
  async close(): Promise<void> {
    const shell = this.#shell;
    this.#shell = undefined;
    await shell?.close(this.#limits.timeoutMs + CLOSE_SLACK_MS);
  }
}

/** One launcher process and the batches it runs. */
class LauncherShell {
  readonly #process: LauncherProcess;
  readonly #output: Socket;
  readonly #outputBytes: number;
  readonly #batches = new Map<number, Batch>();
  #nextId = 0;
  #buffered = '';
  alive = true;
  #closing = false;

  constructor(args: string[], environment: NodeJS.ProcessEnv, outputBytes: number) {
    this.#outputBytes = outputBytes;
    const launcher = spawn('/bin/sh', ['-c', LAUNCHER_SCRIPT, ...args], { detached: true, stdio: ['pipe', 'pipe', 'ignore'], env: environment });
    this.#process = launcher;
    this.#output = launcher.stdout as Socket;
    const untrack = launcher.pid === undefined ? () => undefined : trackChild({ pid: launcher.pid });
    // Idle, the launcher keeps no run alive: its output is waited for only while a batch runs.
    launcher.unref();
    this.#output.unref();
    (launcher.stdin as Socket).unref();
    launcher.stdin.on('error', () => undefined);
    this.#output.setEncoding('utf8');
    this.#output.on('data', (text: string) => this.#read(text));
    launcher.on('error', (error) => this.#ended(error.message));
    // Killed, the launcher leaves its batches' processes holding its output open: they are not waited for.
    launcher.on('exit', () => {
      if (!this.#closing) this.#ended('the shell that starts it ended');
    });
    launcher.on('close', () => {
      untrack();
      this.#ended('the shell that starts it ended');
    });
  }

  run(folder: string, count: number, dialect: string): { exit: Promise<Exit>; kill(): void } {
    const id = this.#nextId++;
    let batch!: Batch;
    const exit = new Promise<Exit>((resolve, reject) => {
      batch = { folder, resolve, reject };
    });
    this.#batches.set(id, batch);
    if (this.#batches.size === 1) this.#output.ref();
    this.#process.stdin.write(`${id} ${count} ${dialect}\n${folder}\n`);
    const kill = () => {
      if (batch.ended) return;
      if (batch.pid === undefined) batch.killWanted = true;
      else killProcess(batch.pid);
    };
    return { exit, kill };
  }

  /** Ends the launcher's input with `end` and waits for it to exit, at most `waitMs` before its group is killed. */
  close(waitMs: number): Promise<void> {
    if (!this.alive) return Promise.resolve();
    this.#closing = true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => stopChild({ pid: this.#process.pid }), waitMs);
      this.#process.ref();
      this.#process.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.#process.stdin.end('end\n');
    });
  }

  #read(text: string): void {
    const lines = (this.#buffered + text).split('\n');
    this.#buffered = lines.pop()!;
    for (const line of lines) {
      const [event, id, value] = line.split(' ');
      const batch = this.#batches.get(Number(id));
      if (!batch || value === undefined) continue;
      if (event === 'started') {
        batch.pid = Number(value);
        if (batch.killWanted) killProcess(batch.pid);
      } else if (event === 'ended') {
        batch.ended = true;
        this.#batches.delete(Number(id));
        if (this.#batches.size === 0) this.#output.unref();
        this.#settle(batch, Number(value));
      }
    }
  }

  #settle(batch: Batch, status: number): void {
    Promise.all([readAtMost(join(batch.folder, 'out'), this.#outputBytes), readAtMost(join(batch.folder, 'err'), MAX_ERROR_BYTES)]).then(
      ([output, errors]) => batch.resolve({ status, output, errors }),
      batch.reject,
    );
  }

  /** The launcher is gone: the batches it had not finished fail, and anything left of its process group is killed. */
  #ended(reason: string): void {
    if (!this.alive) return;
    this.alive = false;
    if (this.#batches.size > 0) stopChild({ pid: this.#process.pid });
    for (const { reject } of this.#batches.values()) reject(new Error(reason));
    this.#batches.clear();
  }
}

/** One process, not its group: a batch's ShellCheck. */
function killProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already ended.
  }
}

/** The start of a file, up to `limit` bytes, as text; empty when it cannot be read. */
async function readAtMost(path: string, limit: number): Promise<string> {
  let file;
  try {
    file = await open(path, 'r');
    const buffer = Buffer.allocUnsafe(Math.min(limit, (await file.stat()).size));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } catch {
    return '';
  } finally {
    await file?.close();
  }
}
