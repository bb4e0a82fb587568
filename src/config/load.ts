import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
import type { RuleLevel, RuleSetting, ShellCheckLevel } from '../core/config.js';
import { precompiledValidator } from '../schemas/precompiled.js';
import { configProblem, describeSchemaError, type ConfigSource } from './problems.js';
import { isRecord } from '../core/is-record.js';

/** What a configuration file (or one of its overrides) sets. */
export interface ConfigLayer {
  target?: string;
  rules?: Record<string, RuleSetting>;
  flatimage?: { extraBaseImages?: string[] };
  shellcheck?: ShellCheckLayer;
}

/** The ShellCheck settings a configuration file may set: never the executable (see `refuseChosenPrograms`). */
export interface ShellCheckLayer {
  enabled?: boolean;
  severity?: Partial<Record<ShellCheckLevel, RuleLevel>>;
  exclude?: string[];
  noiseFilters?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

export interface ConfigFileData extends ConfigLayer {
  $schema?: string;
  ignore?: string[];
  overrides?: (ConfigLayer & { files: string[] })[];
}

export interface ConfigFile {
  path: string;
  /** Patterns in the file are relative to this folder. */
  directory: string;
  data: ConfigFileData;
}

/** A configuration that cannot be read or is not valid: the run stops with exit code 2. */
export class ConfigError extends Error {}

/** Configuration file names looked for in each folder, in order; `package.json` counts when it has a `fim-lint` key. */
export const CONFIG_FILE_NAMES = ['.fim-lint.yaml', '.fim-lint.yml', 'package.json'] as const;
const PACKAGE_KEY = 'fim-lint';

/** Reads and validates a configuration file; undefined for a `package.json` without a `fim-lint` key. */
export async function loadConfigFile(path: string): Promise<ConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read configuration ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? String(error)}`);
  }
  let data: unknown;
  const inPackage = basename(path) === 'package.json';
  try {
    if (inPackage) {
      const manifest = JSON.parse(text) as Record<string, unknown>;
      if (manifest === null || typeof manifest !== 'object' || !(PACKAGE_KEY in manifest)) return undefined;
      data = manifest[PACKAGE_KEY];
    } else {
      data = parseYaml(text) ?? {};
    }
  } catch (error) {
    const language = path.endsWith('.json') ? 'JSON' : 'YAML';
    if (error instanceof YAMLError && error.linePos) {
      const [{ line, col }] = error.linePos;
      throw new ConfigError(`${path}:${line}:${col}: not valid ${language}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw new ConfigError(`${path}: not valid ${language}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const source: ConfigSource = { path, text, prefix: inPackage ? [PACKAGE_KEY] : [] };
  refuseChosenPrograms(source, data);
  const validate = precompiledValidator('config');
  if (!validate(data)) throw new ConfigError(describeSchemaError(source, validate.errors ?? []));
  return { path, directory: dirname(path), data: data as ConfigFileData };
}

/**
 * A repository's configuration never chooses a program to run, nor makes fim-lint write anything: whoever lints a pull
 * request or a checkout would run or write whatever it names.
 */
function refuseChosenPrograms(source: ConfigSource, data: unknown): void {
  if (!isRecord(data)) return;
  const sections: [string[], unknown][] = [[['shellcheck'], data.shellcheck]];
  if (Array.isArray(data.overrides)) data.overrides.forEach((override, index) => isRecord(override) && sections.push([['overrides', String(index), 'shellcheck'], override.shellcheck]));
  for (const [where, section] of sections) {
    if (!isRecord(section)) continue;
    if ('path' in section) {
      const message = `${[...where, 'path'].join('.')}: a configuration file cannot choose the program to run; pass --shellcheck <path> on the command line or set the FIM_LINT_SHELLCHECK environment variable instead`;
      throw new ConfigError(configProblem(source, [...where, 'path'], message, true));
    }
    // A cache is files written beside those linted (and a key in the user's home): the person running fim-lint asks for it.
    if (section.cache === true || 'cacheLocation' in section) {
      const key = section.cache === true ? 'cache' : 'cacheLocation';
      const message = `${[...where, key].join('.')}: a configuration file cannot turn on a cache or choose where it is written; pass --cache (and --cache-location <dir>) on the command line instead`;
      throw new ConfigError(configProblem(source, [...where, key], message, true));
    }
  }
}
