import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { TargetOutcome } from '../core/outcome.js';
import { packageVersion } from '../cli/version.js';
import { cacheSecret } from '../shellcheck/cache-secret.js';
import { SHELLCHECK_FAILED } from '../shellcheck/runner.js';
import { isRecord } from '../core/is-record.js';

/** Part of every key and of the folder name: a new format ignores an old one's entries. */
const FORMAT = 1;
/** Entries not used for this many days are deleted by the daily sweep. */
const MAX_AGE_DAYS = 30;
/** A hit refreshes its entry's age on disk only when it is older than this, so a daily run rewrites nothing. */
const REFRESH_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;
const SWEPT = '.swept';

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
 * Whole-file results kept between runs in `<location>/results-v1/`, one JSON file per key: the findings, what the
 * rules collected for the checks across files (so those are recomputed from every file's data, never reused), and
 * the file's suppression comments. A file whose bytes, configuration, fim-lint build or ShellCheck version changed
 * has another key. Nothing about the cache can fail a run: an entry that cannot be read, is not well-formed or does
 * not name its own key is a miss and is replaced; what cannot be written is lost.
 */
export class FileResultCache {
  readonly #location: string;
  readonly #directory: string;
  #secret: Buffer | undefined;
  #swept = false;
  readonly #configDigests = new Map<string, string>();

  constructor(location: string) {
    this.#location = location;
    this.#directory = join(location, `results-v${FORMAT}`);
  }

  /**
   * The name of a file's entry: a digest of everything its results depend on, signed with the cache folder's own
   * secret (see `cacheSecret`). Entries written without that secret, such as a cache committed to a repository, are
   * never found, so they cannot hide findings.
   */
  key(parts: ResultKeyParts, bytes: Uint8Array): string {
    const header = JSON.stringify([FORMAT, buildId(), parts.shellcheck, parts.path, parts.onlyIfRecipe, this.#configDigest(parts.configText)]);
    const digest = createHash('sha256').update(header).update('\0').update(bytes).digest();
    this.#secret ??= cacheSecret(this.#location);
    return createHmac('sha256', this.#secret).update(digest).digest('hex');
  }

  get(key: string): LintedOutcome | undefined {
    const path = this.#entryPath(key);
    let entry: unknown;
    try {
      entry = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
    if (!isEntry(entry) || entry.key !== key) return undefined;
    this.#refresh(path);
    return entry.outcome;
  }

  /** Stores an outcome unless it depends on more than the key: a time limit that fired, a notice about the run. */
  set(key: string, outcome: LintedOutcome): void {
    if (!isReusable(outcome)) return;
    const path = this.#entryPath(key);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(this.#directory, { recursive: true });
      // A new temporary file renamed over the entry: a link planted under the entry's name is replaced, never followed.
      writeFileSync(temporary, JSON.stringify({ key, outcome }), { flag: 'wx' });
      renameSync(temporary, path);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /** Once a day, deletes the entries no run has used for `MAX_AGE_DAYS`, and temporary files left by a killed run. */
  sweep(now = Date.now()): void {
    if (this.#swept) return;
    this.#swept = true;
    const marker = join(this.#directory, SWEPT);
    try {
      if (now - statSync(marker).mtimeMs < DAY_MS) return;
    } catch {
      // Never swept: sweep now.
    }
    try {
      for (const name of readdirSync(this.#directory)) {
        const path = join(this.#directory, name);
        const stale = name.endsWith('.tmp') ? now - statSync(path).mtimeMs > DAY_MS : now - statSync(path).mtimeMs > MAX_AGE_DAYS * DAY_MS;
        if (stale && name !== SWEPT) rmSync(path, { force: true });
      }
      writeFileSync(marker, '');
    } catch {
      // A missing or read-only cache: nothing to sweep.
    }
  }

  /** Files of a folder share their configuration: its text is digested once, not once per file. */
  #configDigest(configText: string): string {
    let digest = this.#configDigests.get(configText);
    if (digest === undefined) this.#configDigests.set(configText, (digest = createHash('sha256').update(configText).digest('hex')));
    return digest;
  }

  #entryPath(key: string): string {
    return join(this.#directory, `${key}.json`);
  }

  #refresh(path: string): void {
    try {
      const now = Date.now();
      if (now - statSync(path).mtimeMs > REFRESH_AFTER_DAYS * DAY_MS) utimesSync(path, now / 1000, now / 1000);
    } catch {
      // Losing a refresh only makes the entry age sooner.
    }
  }
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

function isEntry(value: unknown): value is { key: string; outcome: LintedOutcome } {
  if (!isRecord(value) || typeof value.key !== 'string' || !isRecord(value.outcome)) return false;
  const { kind, result, collected, suppressions, notices } = value.outcome;
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
