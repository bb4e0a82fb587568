import { basename, dirname } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError } from '../config/load.js';
import { ConfigResolver } from '../config/resolver.js';
import type { Config } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { lintBytes, lintText, type LintOutcome } from '../core/lint.js';
import type { Rule } from '../core/rule.js';
import { looksLikeRecipe } from '../files/discover.js';
import type { LintedText } from './convert.js';
import { displayPath, filePath } from './document-paths.js';

const SHELLCHECK_RULE = 'shell/shellcheck';

/** Texts longer than this are not linted while typing: each change would block the server for a second or more (the largest
 * real recipes hold under 40 KB). */
export const MAX_LIVE_TEXT = 1024 * 1024;
/** Only the start of a text is looked at for NUL characters, as the command line does with a file's bytes. */
const BINARY_SNIFF = 8000;

/** What the server knows about one version of an open document. */
export interface Analysis {
  uri: string;
  version: number;
  /** The document as it was linted (the open document changes under the server). */
  text: LintedText;
  /** The path the engine saw: relative to the workspace folder, as a run from there names the file. */
  path: string;
  /** The file on disk, for the checks across files. */
  file: string | undefined;
  config: Config;
  outcome: LintOutcome;
  /** Whether the ShellCheck findings are in (or ShellCheck is not run for this file). */
  shellcheckDone: boolean;
}

export type LintAttempt =
  | { kind: 'linted'; analysis: Analysis }
  /** Not a recipe, ignored by configuration, too large, or its configuration is broken: no diagnostics. */
  | { kind: 'skipped'; reason?: string; severity?: 'error' | 'warning' };

export interface LinterSettings {
  /** The ShellCheck to run: set by the editor's settings only, never by a repository's configuration file. */
  shellcheckPath: string;
  shellcheck: boolean;
}

/** Lints open documents with the engine, the rules and the configuration of the command line. */
export class RecipeLinter {
  constructor(
    private readonly rules: readonly Rule[],
    private readonly folders: () => readonly string[],
    private readonly settings: LinterSettings,
  ) {}

  /** The configuration of a file; a fresh resolver each time, so that an edited `.fim-lint.yaml` applies at once. */
  async configFor(file: string | undefined): Promise<{ config: Config; ignored: boolean }> {
    const cwd = this.folders()[0] ?? (file ? dirname(file) : process.cwd());
    const resolver = new ConfigResolver({ cwd });
    const { config, ignored } = await resolver.resolve(file ?? `${cwd}/untitled.yaml`);
    return { config: this.#editorSettings(config), ignored };
  }

  /** Lints a snapshot; without `shellcheck`, the ShellCheck rule is left out (it runs off the typing path). */
  async lint(document: TextDocument, options: { shellcheck: boolean; signal?: AbortSignal }): Promise<LintAttempt> {
    const full = document.getText();
    if (full.length > MAX_LIVE_TEXT) {
      return { kind: 'skipped', reason: `${basename(document.uri)} is too large to lint while typing (${Math.round(full.length / 1024 / 1024)} MB of text): run fim-lint on it` };
    }
    const shift = full.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = shift ? full.slice(1) : full;
    if (!looksLikeRecipe(full.slice(0, 64 * 1024))) return { kind: 'skipped' };
    const file = filePath(document.uri);
    let resolved;
    try {
      resolved = await this.configFor(file);
    } catch (error) {
      // As on the command line, a broken configuration stops linting until it is fixed.
      if (error instanceof ConfigError) return { kind: 'skipped', reason: `fim-lint: ${error.message}`, severity: 'error' };
      throw error;
    }
    const { config, ignored } = resolved;
    if (ignored) return { kind: 'skipped' };
    const path = file ? displayPath(file, this.folders()) : basename(document.uri);
    const shellcheckDone = options.shellcheck || !config.settings.shellcheck.enabled;
    const lintConfig = options.shellcheck ? config : withoutShellCheck(config);
    const lintOptions = { config: lintConfig, rules: this.rules, keepSource: true, ...(options.signal ? { signal: options.signal } : {}) };
    const outcome = text.slice(0, BINARY_SNIFF).includes('\0')
      ? await lintBytes(path, new TextEncoder().encode(text), lintOptions)
      : await lintText(path, text, lintOptions);
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, full);
    return { kind: 'linted', analysis: { uri: document.uri, version: document.version, text: { document: snapshot, shift }, path, file, config, outcome, shellcheckDone } };
  }

  /** Lints another text of an analysed document with the same configuration, for fixing (ShellCheck left out). */
  relint(analysis: Analysis, text: string): Promise<LintOutcome> {
    return lintText(analysis.path, text, { config: withoutShellCheck(analysis.config), rules: this.rules, keepSource: true });
  }

  /**
   * ShellCheck's findings on an analysed text: the ShellCheck rule alone, with the file's suppressions, so that the other
   * rules are not run twice. Aborting `signal` stops waiting (and ShellCheck, when no one else waits for it).
   */
  async shellcheck(analysis: Analysis, signal: AbortSignal): Promise<{ diagnostics: Diagnostic[]; notices: string[] }> {
    const rules = this.rules.filter((rule) => rule.id === SHELLCHECK_RULE);
    const notices = new Set<string>();
    const outcome = await lintText(analysis.path, analysis.outcome.result.source ?? '', { config: analysis.config, rules, signal, notices });
    return { diagnostics: outcome.result.diagnostics, notices: [...notices] };
  }

  #editorSettings(config: Config): Config {
    const shellcheck = { ...config.settings.shellcheck, path: this.settings.shellcheckPath, cache: false };
    if (!this.settings.shellcheck) shellcheck.enabled = false;
    return { ...config, settings: { ...config.settings, shellcheck } };
  }
}

export function withoutShellCheck(config: Config): Config {
  return { ...config, settings: { ...config.settings, shellcheck: { ...config.settings.shellcheck, enabled: false } } };
}

/** Whether the ShellCheck pass has anything to do for this analysis. */
export function needsShellCheck(analysis: Analysis): boolean {
  return !analysis.shellcheckDone && /^\s*x_exec\s*:/m.test(analysis.outcome.text);
}
