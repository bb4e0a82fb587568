import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { CacheDirectory } from './cache-directory.js';
import { dayNumber, formatEntry, MAX_AGE_DAYS, useEntry, type CacheEntries } from './entries.js';

const STAT_MEMO_FORMAT = 1;

/**
 * Facts about files and folders that hold as long as their `statStamp` does, kept between runs in `<location>/stats/`:
 * the digest of a file's bytes, that a folder holds no configuration, the version of the ShellCheck executable. A run
 * that finds them there learns from one `stat` what it would otherwise read a file, look up four names or start a
 * process for, as ruff and ESLint's `metadata` cache strategy do. Keys are signed like the results' (see
 * `CacheDirectory.signedKey`), so a memo written elsewhere is never found; a fact that is not well-formed is a miss and
 * is replaced.
 */
export class StatMemo {
  readonly #directory: CacheDirectory;
  #entries: CacheEntries | undefined;

  constructor(location: string) {
    this.#directory = new CacheDirectory(join(location, 'stats'), {
      format: STAT_MEMO_FORMAT,
      // Stats are of this machine's files: a cache restored on another machine (a CI job's) holds none that match, and
      // its facts are dropped rather than read by every later run.
      generation: { id: machineGeneration(), keepOthersDays: 0 },
      limits: { maxAgeDays: MAX_AGE_DAYS, maxEntries: 50_000 },
      isValid: (data) => parseFacts(data) !== undefined,
    });
  }

  /** Reads what earlier runs remembered; `recall` knows nothing until this has settled. */
  async load(): Promise<void> {
    this.#entries = await this.#directory.entries();
  }

  /** What was remembered about `subject` (a kind of fact and a path) while its stat read `stamp`. */
  recall(subject: string, stamp: string): string[] | undefined {
    if (!this.#entries) return undefined;
    return useEntry(this.#entries, this.#key(subject, stamp), parseFacts, (line) => this.#directory.queue(line));
  }

  remember(subject: string, stamp: string, facts: string[]): void {
    const key = this.#key(subject, stamp);
    const entry = { used: dayNumber(), data: JSON.stringify(facts) };
    this.#entries?.set(key, entry);
    this.#directory.queue(formatEntry(key, entry));
  }

  /** Writes what was learnt: called once the run is done. What cannot be written is learnt again next time. */
  flush(): void {
    this.#directory.flush();
  }

  #key(subject: string, stamp: string): string {
    return this.#directory.signedKey(`${subject}\0${stamp}`);
  }
}

/** This boot of this machine: its boot id where the system has one, else its name and when it started, to the hour. */
function machineGeneration(): string {
  let boot: string;
  try {
    boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8');
  } catch {
    boot = `${hostname()} ${Math.round((Date.now() / 1000 - uptime()) / 3600)}`;
  }
  return createHash('sha256').update(boot).digest('hex').slice(0, 16);
}

function parseFacts(data: string): string[] | undefined {
  try {
    const facts: unknown = JSON.parse(data);
    return Array.isArray(facts) && facts.every((fact) => typeof fact === 'string') ? facts : undefined;
  } catch {
    return undefined;
  }
}
