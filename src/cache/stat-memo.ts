import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { cacheSecret } from '../shellcheck/cache-secret.js';
import { CacheDirectory } from './cache-directory.js';
import { dayNumber, formatEntry, MAX_AGE_DAYS, useEntry, type CacheEntries } from './entries.js';

const STAT_MEMO_FORMAT = 1;

/**
 * Facts about files and folders that hold as long as their `statStamp` does, kept between runs in `<location>/stats/`:
 * the digest of a file's bytes, that a folder holds no configuration, the version of the ShellCheck executable. A run
 * that finds them there learns from one `stat` what it would otherwise read a file, look up four names or start a
 * process for, as ruff and ESLint's `metadata` cache strategy do. Keys are signed with the cache's secret like the results' (see `FileResultCache.key`), so a memo written
 * elsewhere is never found; a fact that is not well-formed is a miss and is replaced.
 */
export class StatMemo {
  readonly #location: string;
  readonly #directory: CacheDirectory;
  readonly #journal: string;
  #secret: Buffer | undefined;
  #loading: Promise<CacheEntries> | undefined;
  #entries: CacheEntries | undefined;
  #unwritten: string[] = [];

  constructor(location: string) {
    this.#location = location;
    this.#directory = new CacheDirectory(join(location, 'stats'), {
      format: STAT_MEMO_FORMAT,
      // Stats are of this machine's files: a cache restored on another machine (a CI job's) holds none that match, and
      // its facts are dropped rather than read by every later run.
      generation: { id: machineGeneration(), keepOthersDays: 0 },
      limits: { maxAgeDays: MAX_AGE_DAYS, maxEntries: 50_000 },
      isValid: (data) => parseFacts(data) !== undefined,
    });
    this.#journal = this.#directory.journalName(`${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  /** Reads what earlier runs remembered; `recall` knows nothing until this has settled. */
  async load(): Promise<void> {
    this.#loading ??= this.#directory.load(dayNumber()).catch(() => new Map());
    this.#entries = await this.#loading;
  }

  /** What was remembered about `subject` (a kind of fact and a path) while its stat read `stamp`. */
  recall(subject: string, stamp: string): string[] | undefined {
    if (!this.#entries) return undefined;
    return useEntry(this.#entries, this.#key(subject, stamp), parseFacts, (line) => this.#unwritten.push(line));
  }

  remember(subject: string, stamp: string, facts: string[]): void {
    const key = this.#key(subject, stamp);
    const entry = { used: dayNumber(), data: JSON.stringify(facts) };
    this.#entries?.set(key, entry);
    this.#unwritten.push(formatEntry(key, entry));
  }

  /** Writes what was learnt: called once the run is done. What cannot be written is learnt again next time. */
  flush(): void {
    const text = this.#unwritten.join('');
    this.#unwritten = [];
    if (text === '') return;
    try {
      this.#directory.append(this.#journal, text);
    } catch {
      // A read-only or full disk.
    }
  }

  #key(subject: string, stamp: string): string {
    this.#secret ??= cacheSecret(this.#location);
    return createHmac('sha256', this.#secret).update(subject).update('\0').update(stamp).digest('hex');
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
