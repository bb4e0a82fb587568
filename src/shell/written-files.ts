import { fileKey, type Place } from './paths.js';

/** What a command printed into a file, as far as the walk knows it. */
export interface FileContent<Script> {
  /** The paths it listed (`find … > list`), one glob or path each. */
  listing: string[];
  /** The scripts it printed (`echo 'strip …' > build.sh`, `cat > build.sh <<EOF`). */
  scripts: Script[];
}

/**
 * Files a script writes and reads back later (`find … > list`, then `xargs strip < list`; `cat > build.sh <<EOF`,
 * then `bash build.sh`), by path from the directory the script is in (`list`, `./list` and `$PWD/list` are one), so
 * that a path or a command that goes through a file is followed like one that goes through a pipe. A write of output
 * the walk does not know forgets what the file held.
 */
/**
 * What one file is known to hold at most: appends in a function the script calls again and again, or `cat list list
 * >> list`, would otherwise double it each time.
 */
const MAX_LISTED = 256;
const MAX_SCRIPTS = 16;

export class WrittenFiles<Script> {
  readonly #files = new Map<string, FileContent<Script>>();

  write(paths: readonly string[], place: Place, content: FileContent<Script> | undefined, append: boolean): void {
    // A word with several possible values may name any of them: none is known to hold the content alone.
    if (paths.length !== 1) return;
    const key = fileKey(paths[0]!, place);
    const before = append ? this.#files.get(key) : undefined;
    if (!content) {
      if (!append) this.#files.delete(key);
      return;
    }
    const listing = before ? [...before.listing, ...content.listing] : content.listing;
    const scripts = before ? [...before.scripts, ...content.scripts] : content.scripts;
    this.#files.set(key, { listing: listing.slice(0, MAX_LISTED), scripts: scripts.slice(0, MAX_SCRIPTS) });
  }

  /** What the files a word may name hold, or undefined when the walk saw none of them written. */
  read(paths: readonly string[], place: Place): FileContent<Script> | undefined {
    if (this.#files.size === 0) return undefined;
    const keys = new Set(paths.map((path) => fileKey(path, place)));
    const contents = [...keys].map((key) => this.#files.get(key)).filter((content) => content !== undefined);
    if (contents.length === 0) return undefined;
    return { listing: contents.flatMap((content) => content.listing), scripts: contents.flatMap((content) => content.scripts) };
  }
}
