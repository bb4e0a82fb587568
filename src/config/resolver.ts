import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { defaultConfig, levelToSeverity, type Config, type RuleSetting, type Settings } from '../core/config.js';
import type { FileConfig } from '../core/run.js';
import { CONFIG_FILE_NAMES, ConfigError, loadConfigFile, type ConfigFile, type ConfigLayer } from './load.js';
import { isOutside } from '../files/discover.js';
import { isRecord } from '../core/is-record.js';
import { getOrMake } from '../core/get-or-make.js';
import type { StatMemo } from '../cache/stat-memo.js';
import { fileStamp } from '../files/stamp.js';

export interface ResolverOptions {
  cwd: string;
  /** `--config`: this file for every linted file, instead of looking for one. */
  configPath?: string;
  /** `--rule id=level`: applied last, over every configuration file. */
  ruleOverrides?: Record<string, RuleSetting>;
  /** Remembers, by a folder's stat, that it holds none of the names looked up: `--cache`. */
  statMemo?: StatMemo;
}

export interface ResolvedFileConfig extends FileConfig {
  /** The configuration file that applied, if any. */
  configFile: string | undefined;
}

interface Prepared {
  file: ConfigFile;
  ignores: Ignore | undefined;
  overrides: { matcher: Ignore; layer: ConfigLayer }[];
  /** The configurations made from this file, by the overrides that matched (their indexes). */
  combined: Map<string, Config>;
}

/**
 * Finds each file's configuration: the nearest `.fim-lint.yaml`, `.fim-lint.yml` or `package.json#fim-lint` from the
 * file's folder up to the project root (or `--config`), its overrides that match the file, then `--rule`. Folders are looked up once.
 */
export class ConfigResolver {
  readonly #byDirectory = new Map<string, Promise<Prepared | undefined>>();
  readonly #gitRoots = new Map<string, string | undefined>();
  readonly #projectRoots = new Map<string, string>();
  readonly #plainFolders = new Map<string, boolean>();
  readonly #cwd: string;
  #explicit: Promise<Prepared> | undefined;
  #withoutFile: Config | undefined;

  constructor(private readonly options: ResolverOptions) {
    this.#cwd = resolve(options.cwd);
  }

  /** For `RunOptions.configFor`. */
  readonly configFor = (path: string): Promise<ResolvedFileConfig> => this.resolve(path);

  async resolve(path: string): Promise<ResolvedFileConfig> {
    if (this.options.statMemo) await this.options.statMemo.load();
    const absolute = resolve(this.#cwd, path);
    const directory = dirname(absolute);
    const prepared = await (this.options.configPath ? this.#explicitFile(this.options.configPath) : this.#nearest(directory, this.#projectRoot(directory)));
    if (!prepared) {
      this.#withoutFile ??= withLayer(defaultConfig(), { rules: this.options.ruleOverrides });
      return { config: this.#withoutFile, ignored: false, configFile: undefined };
    }
    const relativePath = relativeInside(prepared.file.directory, absolute);
    const ignored = relativePath !== undefined && (prepared.ignores?.ignores(relativePath) ?? false);
    const matching = prepared.overrides.filter((override) => relativePath !== undefined && override.matcher.ignores(relativePath));
    return { config: this.#combined(prepared, matching), ignored, configFile: prepared.file.path };
  }

  /** The configuration of a file and the overrides that match it, made once for every file they apply to alike. */
  #combined(prepared: Prepared, matching: Prepared['overrides']): Config {
    const signature = matching.map((override) => prepared.overrides.indexOf(override)).join(',');
    let config = prepared.combined.get(signature);
    if (!config) {
      config = withLayer(defaultConfig(), prepared.file.data);
      for (const override of matching) config = withLayer(config, override.layer);
      config = withLayer(config, { rules: this.options.ruleOverrides });
      prepared.combined.set(signature, config);
    }
    return config;
  }

  /** `--config`, read when a file first needs it: a promise that failed before anything awaited it would end the process. */
  #explicitFile(configPath: string): Promise<Prepared> {
    this.#explicit ??= (async () => {
      const path = resolve(this.options.cwd, configPath);
      const file = await loadConfigFile(path);
      if (!file) throw new ConfigError(`${path} has no 'fim-lint' key`);
      return this.#prepare(file);
    })();
    return this.#explicit;
  }

  /**
   * Where the lookup of a folder's configuration stops: the nearest folder holding `.git`, else the working directory
   * for a folder inside it, else the folder itself. A configuration further up (in a shared folder such as /tmp or a
   * home directory) belongs to someone else.
   */
  #projectRoot(directory: string): string {
    const cwd = this.#cwd;
    return getOrMake(this.#projectRoots, directory, () => this.#gitRoot(directory) ?? (isWithin(cwd, directory) ? cwd : directory));
  }

  /** The nearest folder holding `.git`, from `directory` up; each folder is looked at once however many files share it. */
  #gitRoot(directory: string): string | undefined {
    if (this.#gitRoots.has(directory)) return this.#gitRoots.get(directory);
    const parent = dirname(directory);
    const found = !this.#isPlain(directory) && existsSync(join(directory, '.git')) ? directory : parent === directory ? undefined : this.#gitRoot(parent);
    this.#gitRoots.set(directory, found);
    return found;
  }

  /** The lookup from `directory` up to `root`; the answer for a folder is the same from every file below it. */
  #nearest(directory: string, root: string): Promise<Prepared | undefined> {
    let found = this.#byDirectory.get(directory);
    if (!found) {
      found = (async () => {
        for (const name of this.#isPlain(directory) ? [] : CONFIG_FILE_NAMES) {
          const path = join(directory, name);
          if (!isFile(path)) continue;
          const file = await loadConfigFile(path);
          if (file) return this.#prepare(file);
        }
        const parent = dirname(directory);
        return directory === root || parent === directory ? undefined : this.#nearest(parent, root);
      })();
      this.#byDirectory.set(directory, found);
    }
    return found;
  }

  /**
   * Whether a folder holds none of the names looked up, the common case: then it is looked at no further. With a
   * memo, a folder unchanged since a run that found it so costs one `stat` rather than four.
   */
  #isPlain(directory: string): boolean {
    return getOrMake(this.#plainFolders, directory, () => {
      const memo = this.options.statMemo;
      const stamp = memo && fileStamp(directory);
      const subject = PLAIN_FOLDER + directory;
      if (stamp !== undefined && memo?.recall(subject, stamp)) return true;
      // A fact to remember must hold until the folder changes, which a dangling link (whose target may come) need
      // not: it counts as present. Otherwise `existsSync`, which allocates nothing (a large walk does this 4 times a folder).
      const absent = stamp === undefined ? (path: string) => !existsSync(path) : isAbsent;
      const plain = LOOKED_UP_NAMES.every((name) => absent(join(directory, name)));
      if (plain && stamp !== undefined) memo?.remember(subject, stamp, []);
      return plain;
    });
  }

  /** Rule ids, options and settings were checked against the schema as the file was read (`loadConfigFile`). */
  #prepare(file: ConfigFile): Prepared {
    const { data } = file;
    return {
      file,
      ignores: data.ignore?.length ? ignore().add(data.ignore) : undefined,
      overrides: (data.overrides ?? []).map(({ files, ...layer }) => ({ matcher: ignore().add(files), layer })),
      combined: new Map(),
    };
  }
}

/** What the lookup looks for in a folder: a configuration file, or `.git`, where it stops. */
const LOOKED_UP_NAMES = ['.git', ...CONFIG_FILE_NAMES];
/** A folder's stat stands for its list of names: an entry added, removed or renamed changes its times. */
const PLAIN_FOLDER = `holds none of ${LOOKED_UP_NAMES.join(' ')}:`;

/**
 * A configuration with a layer on top. Maps merge key by key at every depth (`shellcheck.severity: {style: off}` keeps
 * the other levels; a rule's options keep the ones the layer does not name); a value that is not a map, such as a list,
 * replaces the one below. A rule set to a level alone keeps the options set below it.
 */
export function withLayer(config: Config, layer: ConfigLayer): Config {
  const sections = Object.fromEntries(SETTINGS_SECTIONS.filter((section) => layer[section] !== undefined).map((section) => [section, layer[section]]));
  const settings = mergeMaps(config.settings as unknown as Record<string, unknown>, sections) as unknown as Settings;
  const severity = Object.entries(settings.shellcheck.severity).map(([level, setting]) => [level, levelToSeverity(setting)]);
  settings.shellcheck = { ...settings.shellcheck, severity: Object.fromEntries(severity) as Settings['shellcheck']['severity'] };
  const rules = { ...config.rules };
  for (const [id, setting] of Object.entries(layer.rules ?? {})) rules[id] = mergeRuleSetting(rules[id], setting);
  return { ...config, rules, settings };
}

/** The settings a configuration layer may set, beside `rules`. */
const SETTINGS_SECTIONS = ['target', 'flatimage', 'shellcheck'] as const;

function mergeRuleSetting(below: RuleSetting | undefined, above: RuleSetting): RuleSetting {
  const level = typeof above === 'string' ? above : above[0];
  const options = mergeMaps(typeof below === 'object' ? below[1] ?? {} : {}, typeof above === 'object' ? above[1] ?? {} : {});
  return Object.keys(options).length > 0 ? [level, options] : level;
}

function mergeMaps(below: Readonly<Record<string, unknown>>, above: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...below };
  for (const [key, value] of Object.entries(above)) {
    const under = merged[key];
    merged[key] = isRecord(under) && isRecord(value) ? mergeMaps(under, value) : value;
  }
  return merged;
}

/** Whether `path` is `directory` or lies inside it: both absolute and normalized, as `resolve` and `dirname` leave them. */
function isWithin(directory: string, path: string): boolean {
  return path === directory || path.startsWith(directory.endsWith(sep) ? directory : directory + sep);
}

/** The path relative to a folder with `/` separators, or undefined when it lies outside that folder. */
function relativeInside(directory: string, path: string): string | undefined {
  const relativePath = relative(directory, path);
  if (relativePath === '' || isOutside(relativePath)) return undefined;
  return relativePath.split(sep).join('/');
}

/** Whether nothing at all, not even a dangling link, is at `path`. */
function isAbsent(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/** Synchronous on purpose: most folders have no configuration, and a failed lookup costs microseconds this way. */
function isFile(path: string): boolean {
  return existsSync(path) && (statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
}
