import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { TargetOutcome } from '../core/outcome.js';
import { packageVersion } from '../cli/version.js';
import { SHELLCHECK_FAILED } from '../shellcheck/runner.js';
import { isRecord } from '../core/is-record.js';
import { CacheDirectory } from './cache-directory.js';
import { dayNumber, formatEntry, MAX_AGE_DAYS, useEntry, type CacheEntries, type CacheLimits } from './entries.js';
import { getOrMake } from '../core/get-or-make.js';

/** Part of every key and of the file names: a new format ignores an old one's entries. */
export const FILE_CACHE_FORMAT = 3;
/** Where format 1 kept one JSON file per entry: removed by the first run that reads the cache. */
const FORMER_DIRECTORY = 'results-v1';
/** At most 20,000 entries (about 1 KB each); beyond it the least recently used go. */
const FILE_CACHE_LIMITS: CacheLimits = { maxAgeDays: MAX_AGE_DAYS, maxEntries: 20_000 };

export type LintedOutcome = Extract<TargetOutcome, { kind: 'linted' }>;

/** Everything a file's findings depend on besides its bytes. */
export interface ResultKeyParts {
  path: string;
  /** The configuration that applies to the file, as JSON. */
  configText: string;
  /** ShellCheck's version, or `off` when the file's configuration does not run it. */
  shellcheck: string;
  /** Whether the file is linted only if it looks like a recipe (walked files, `--skip-non-recipes`). */
  onlyIfRecipe: boolean;
}

/**
 * Whole-file results kept between runs in `<location>/files/`, as entries of one file read once per run (see
 * `CacheDirectory`): the findings, what the rules collected for the checks across files (so those are recomputed from
 * every file's data, never reused), and the file's suppression comments. A file whose bytes, configuration, fim-lint
 * build or ShellCheck version changed has another key. Nothing about the cache can fail a run: an entry that is not
 * well-formed is a miss and is replaced; what cannot be read is a miss, what cannot be written is lost.
 */
export class FileResultCache {
  readonly #location: string;
  readonly #directory: CacheDirectory;
  #loading: Promise<CacheEntries> | undefined;
  readonly #configDigests = new Map<string, string>();

  constructor(location: string) {
    this.#location = location;
    this.#directory = new CacheDirectory(join(location, 'files'), {
      format: FILE_CACHE_FORMAT,
      // Two builds that share a cache (a hook's and the project's) keep their own entries.
      generation: { id: fileCacheGeneration(), keepOthersDays: MAX_AGE_DAYS },
      limits: FILE_CACHE_LIMITS,
      isValid: (data) => parseOutcome(data) !== undefined,
    });
  }

  /**
   * The key of a file's entry: everything its results depend on, signed (see `CacheDirectory.signedKey`). `digest` is
   * the `contentDigest` of the file's bytes.
   */
  key(parts: ResultKeyParts, digest: string): string {
    const header = JSON.stringify([FILE_CACHE_FORMAT, buildId(), parts.shellcheck, parts.path, parts.onlyIfRecipe, this.#configDigest(parts.configText)]);
    return this.#directory.signedKey(`${header}\0${digest}`);
  }

  /** Reads the entries, once: `get` waits for it. */
  load(): Promise<CacheEntries> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async get(key: string): Promise<LintedOutcome | undefined> {
    const entries = await this.load();
    return useEntry(entries, key, parseOutcome, (line) => this.#directory.queue(line));
  }

  /** Stores an outcome unless it depends on more than the key: a time limit that fired, a notice about the run. */
  set(key: string, outcome: LintedOutcome): void {
    if (isReusable(outcome)) this.#directory.queue(formatEntry(key, { used: dayNumber(), data: JSON.stringify(outcome) }));
  }

  /** Writes what is left: called once the run is done. What cannot be written is linted again by the next run. */
  flush(): void {
    this.#directory.flush();
  }

  async #load(): Promise<CacheEntries> {
    void rm(join(this.#location, FORMER_DIRECTORY), { recursive: true, force: true }).catch(() => undefined);
    return this.#directory.entries();
  }

  /** Files of a folder share their configuration: its text is digested once, not once per file. */
  #configDigest(configText: string): string {
    return getOrMake(this.#configDigests, configText, () => createHash('sha256').update(configText).digest('hex'));
  }
}

/** A new build's results never match an old one's keys: its runs read none of them (see `CacheKind.generation`). */
export function fileCacheGeneration(): string {
  return createHash('sha256').update(buildId()).digest('hex').slice(0, 16);
}

/** What a result key holds of a file's bytes, and a `StatMemo` remembers for a file's stat. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The running fim-lint: its version, and for a build the size and time of the code itself, so a rebuild is a new key. */
let build: string | undefined;
function buildId(): string {
  if (build === undefined) {
    let code = '';
    try {
      const stats = statSync(fileURLToPath(import.meta.url));
      code = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      // Code that is not a file: the version alone.
    }
    build = `${packageVersion()}:${code}`;
  }
  return build;
}

/**
 * Results that depend on more than the key are not kept: a notice about the run, a time limit that fired, and ShellCheck
 * failing on a script (over its time limit on a busy machine, say), whose findings a later run may well get.
 */
function isReusable(outcome: LintedOutcome): boolean {
  const transient = ({ ruleId, message }: Diagnostic) => ruleId.startsWith('engine/') || (ruleId === 'shell/shellcheck' && message.startsWith(SHELLCHECK_FAILED));
  return (outcome.notices ?? []).length === 0 && !outcome.result.diagnostics.some(transient);
}

/** A stored outcome, or undefined when the text is not one this build wrote. */
function parseOutcome(data: string): LintedOutcome | undefined {
  let outcome: unknown;
  try {
    outcome = JSON.parse(data);
  } catch {
    return undefined;
  }
  return isOutcome(outcome) ? outcome : undefined;
}

function isOutcome(value: unknown): value is LintedOutcome {
  if (!isRecord(value)) return false;
  const { kind, result, collected, suppressions, notices } = value;
  return (
    kind === 'linted' &&
    isRecord(result) &&
    typeof result.path === 'string' &&
    Array.isArray(result.diagnostics) &&
    result.diagnostics.every(isDiagnostic) &&
    isRecord(collected) &&
    (suppressions === undefined || (isRecord(suppressions) && Array.isArray(suppressions.directives) && typeof suppressions.text === 'string')) &&
    (notices === undefined || (Array.isArray(notices) && notices.length === 0))
  );
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);

function isDiagnostic(value: unknown): value is Diagnostic {
  return (
    isRecord(value) &&
    typeof value.ruleId === 'string' &&
    SEVERITIES.has(value.severity) &&
    typeof value.message === 'string' &&
    isPlace(value) &&
    (value.url === undefined || typeof value.url === 'string') &&
    (value.related === undefined || (Array.isArray(value.related) && value.related.every(isRelatedPlace))) &&
    (value.fix === undefined
      ? value.fixSafety === undefined
      : Array.isArray(value.fix) && value.fix.every(isEdit) && (value.fixSafety === 'safe' || value.fixSafety === 'unsafe'))
  );
}

function isPlace(value: Record<string, unknown>): boolean {
  return ['line', 'column', 'endLine', 'endColumn', 'start', 'end'].every((field) => Number.isInteger(value[field]));
}

function isRelatedPlace(value: unknown): boolean {
  return isRecord(value) && isPlace(value) && typeof value.message === 'string' && (value.path === undefined || typeof value.path === 'string');
}

function isEdit(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.start) && Number.isInteger(value.end) && typeof value.text === 'string';
}
