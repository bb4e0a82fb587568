import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { lstat, lutimes, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheSecret, signedKey } from './secret.js';
import { DAY_MS, dayNumber, formatEntry, keptEntries, readEntries, REFRESH_AFTER_DAYS, type CacheEntries, type CacheLimits } from './entries.js';
import { acquireLock } from './lock.js';

/** How long a run waits for another run's compaction before it reads the files as they are. */
const LOCK_WAIT_MS = 5_000;
/** Entry lines waiting to be written are appended in one write once this many wait, and at `flush`. */
const WRITE_EVERY = 256;

/** What a cache directory holds, and how its entries are checked. */
export interface CacheKind {
  /** The version of what is stored: part of the file names, so that a new format ignores an old one's files. */
  format: number;
  /**
   * What every entry depends on besides its key, such as the fim-lint build whose results they are (lowercase hex):
   * part of the file names, so that a run reads only its own generation's entries. Another generation's files are
   * removed once no run has used them for `keepOthersDays` days (0: at once).
   */
  generation?: { id: string; keepOthersDays: number };
  limits: CacheLimits;
  /** Whether an entry's data is well-formed: compaction keeps only those. */
  isValid: (data: string) => boolean;
}

interface Listing {
  /** Journals and claimed journals, by name. */
  journals: string[];
  obsolete: string[];
}

/**
 * The files of one cache (ShellCheck's, or whole files') in one directory: `results-v<format>.txt`, every entry as of
 * the last compaction, and a journal per writer (a thread of a run) holding the entries it added since. A run reads them all once; when it finds
 * journals, it folds them into a new results file, under a lock, and deletes them.
 *
 * Nothing is ever rewritten in place: results are replaced by renaming a complete temporary file, and journals are
 * only appended to, each by one writer. A line that is not a complete entry (a torn write) is skipped, so a damaged
 * file costs cache hits, never a run.
 */
export class CacheDirectory {
  readonly path: string;
  readonly #kind: CacheKind;
  readonly #results: string;
  readonly #journalPrefix: string;
  /** A journal claimed by a compaction is renamed so; one left by a compaction that died is folded by the next. */
  readonly #claimedPrefix: string;
  readonly #lock: string;
  /** Files that compaction removes: another format's (one JSON file per entry was format 1), or a dead compaction's. */
  readonly #obsolete: RegExp;
  readonly #otherGeneration: RegExp | undefined;
  /** This writer's own journal (one per instance: a thread of a run). */
  readonly #journal: string;
  #entries: Promise<CacheEntries> | undefined;
  #unwritten: string[] = [];
  #secret: Buffer | undefined;

  constructor(path: string, kind: CacheKind) {
    this.path = path;
    this.#kind = kind;
    const { format, generation } = kind;
    const version = generation === undefined ? `v${format}` : `v${format}-${generation.id}`;
    this.#results = `results-${version}.txt`;
    this.#journalPrefix = `journal-${version}-`;
    this.#claimedPrefix = `claimed-${version}-`;
    this.#lock = `compaction-v${format}.lock`;
    this.#obsolete = new RegExp(`^(?:[0-9a-f]{64}\\.json(?:\\..+\\.tmp)?|(?:results|journal|claimed)-v(?!${format}\\b)\\d+\\b.*|results-${version}\\.txt\\..+\\.tmp)$`);
    this.#otherGeneration = generation === undefined ? undefined : new RegExp(`^(?:results|journal|claimed)-v${format}-(?!${generation.id}[-.])[0-9a-f]+[-.]`);
    this.#journal = `${this.#journalPrefix}${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.txt`;
  }

  /** The entries, read once (see `load`); a cache that cannot be read has none. */
  entries(): Promise<CacheEntries> {
    this.#entries ??= this.load(dayNumber()).catch(() => new Map());
    return this.#entries;
  }

  /**
   * The key an entry is stored under: `key` signed with the secret of the cache this directory is in (see
   * `cacheSecret`). An entry written by anyone without the secret, such as a cache committed to a repository, is never
   * found, so it cannot hide findings.
   */
  signedKey(key: string): string {
    this.#secret ??= cacheSecret(dirname(this.path));
    return signedKey(this.#secret, key);
  }

  /** Adds an entry line to this writer's journal: written at `flush`, or sooner once enough wait. */
  queue(line: string): void {
    this.#unwritten.push(line);
    if (this.#unwritten.length >= WRITE_EVERY) this.flush();
  }

  /** Writes the lines that wait. What a read-only or full disk refuses is lost: a later run does that work again. */
  flush(): void {
    const text = this.#unwritten.join('');
    this.#unwritten = [];
    if (text === '') return;
    try {
      this.#append(text);
    } catch {
      // Lost, as above.
    }
  }

  /** The entries on disk, after folding the journals into the results file if there are any (see above). */
  async load(today: number): Promise<CacheEntries> {
    const listing = await this.#list();
    const [{ entries, skipped }] = await Promise.all([this.#read(listing), this.#keepInUse()]);
    if (listing.journals.length === 0 && listing.obsolete.length === 0 && skipped === 0) return entries;
    const release = await acquireLock(join(this.path, this.#lock), LOCK_WAIT_MS);
    if (!release) return (await this.#read(await this.#list())).entries;
    try {
      return await this.#compact(today);
    } finally {
      await release();
    }
  }

  /**
   * Appends entries to the journal, synchronously: a worker thread may be stopped as soon as its files are answered,
   * so entries are on disk before the findings are handed on. If a compaction claimed the journal while the lines were
   * being written, they may have missed its read: they are written again, to the journal's new file.
   */
  #append(text: string): void {
    const path = join(this.path, this.#journal);
    mkdirSync(this.path, { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      const descriptor = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW);
      let written;
      try {
        writeAll(descriptor, text);
        written = fstatSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
      const current = statSync(path, { throwIfNoEntry: false });
      if (current?.ino === written.ino && current.dev === written.dev) return;
    }
  }

  async #list(): Promise<Listing> {
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch {
      names = [];
    }
    return {
      journals: names.filter((name) => name.startsWith(this.#journalPrefix) || name.startsWith(this.#claimedPrefix)),
      obsolete: [...names.filter((name) => this.#obsolete.test(name)), ...(await this.#unusedGenerations(names))],
    };
  }

  /** Other generations' files that no run has used for `keepOthersDays` (see `#keepInUse`). */
  async #unusedGenerations(names: string[]): Promise<string[]> {
    const pattern = this.#otherGeneration;
    if (!pattern) return [];
    const oldest = Date.now() - (this.#kind.generation?.keepOthersDays ?? 0) * DAY_MS;
    const isUnused = async (name: string) => ((await lstat(join(this.path, name)).catch(() => undefined))?.mtimeMs ?? Infinity) < oldest;
    const others = names.filter((name) => pattern.test(name));
    const unused = await Promise.all(others.map(isUnused));
    return others.filter((_, index) => unused[index]);
  }

  /**
   * A generation's results file is touched once a week by the runs that read it, so that another generation's runs
   * can tell it is in use. Never through a link.
   */
  async #keepInUse(): Promise<void> {
    if (!this.#otherGeneration) return;
    const path = join(this.path, this.#results);
    const stats = await lstat(path).catch(() => undefined);
    if (!stats?.isFile() || stats.mtimeMs >= Date.now() - REFRESH_AFTER_DAYS * DAY_MS) return;
    const now = new Date();
    await lutimes(path, now, now).catch(() => undefined);
  }

  async #read(listing: Listing): Promise<{ entries: CacheEntries; skipped: number }> {
    const entries: CacheEntries = new Map();
    let skipped = 0;
    for (const name of [this.#results, ...listing.journals]) {
      const text = decodeText(await readCacheFile(join(this.path, name)));
      skipped += readEntries(text, entries).skipped;
    }
    return { entries, skipped };
  }

  /**
   * Under the lock: claims the journals (a writer appending after that starts a new file), writes the results file
   * anew with what is worth keeping, then deletes the claimed journals and obsolete files.
   */
  async #compact(today: number): Promise<CacheEntries> {
    const listing = await this.#list();
    const claimed: string[] = [];
    for (const name of listing.journals) {
      // Unique, so that a journal claimed again (after a compaction that died) does not replace the first claim.
      const claimedName = name.startsWith(this.#claimedPrefix) ? name : `${this.#claimedPrefix}${randomBytes(4).toString('hex')}-${name.slice(this.#journalPrefix.length)}`;
      if (claimedName !== name && !(await rename(join(this.path, name), join(this.path, claimedName)).then(() => true, () => false))) continue;
      claimed.push(claimedName);
    }
    const { entries, skipped } = await this.#read({ journals: claimed, obsolete: [] });
    if (claimed.length === 0 && listing.obsolete.length === 0 && skipped === 0) return entries;
    const kept = keptEntries(entries, today, this.#kind.limits, this.#kind.isValid);
    const results = join(this.path, this.#results);
    const temporary = `${results}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, kept.map(([key, entry]) => formatEntry(key, entry)).join(''), { flag: 'wx' });
      await rename(temporary, results);
    } catch {
      // The claimed journals still hold the entries: the next compaction tries again.
      await rm(temporary, { force: true }).catch(() => undefined);
      return entries;
    }
    await Promise.all([...claimed, ...listing.obsolete].map((name) => rm(join(this.path, name), { force: true }).catch(() => undefined)));
    return new Map(kept);
  }
}

/** No cache file this build writes comes near this size: a larger one is not read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A cache file's bytes, from a regular file only and never through a link (a cache folder committed to a repository
 * may hold a link to /dev/zero): nothing when it is not one, is missing or is too large.
 */
async function readCacheFile(path: string): Promise<Buffer> {
  const file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => undefined);
  if (!file) return Buffer.alloc(0);
  try {
    const stats = await file.stat();
    return stats.isFile() && stats.size <= MAX_FILE_BYTES ? await file.readFile() : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0);
  } finally {
    await file.close();
  }
}

/** The files are ASCII (see `formatEntry`), which decodes as Latin-1 many times faster than as UTF-8. */
function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function writeAll(descriptor: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset);
}
