import { lintText, lintBytes, type LintOutcome } from '../src/core/lint.js';
import { loadRules } from '../src/core/registry.js';
import { defaultConfig, type Config } from '../src/core/config.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusFiles as listCorpusFiles } from '../bench/synthetic.js';

/** `ruleId line:column-endLine:endColumn message` lines: compact and exact, for assertions. */
export type Compact = string;

export interface LintTestOptions {
  /** Only report these rule ids (other rules still run). Defaults to all. */
  only?: string | string[];
  config?: Partial<Config>;
  path?: string;
}

export async function lint(text: string | Uint8Array, options: LintTestOptions = {}): Promise<Diagnostic[]> {
  const outcome = await lintOutcome(text, options);
  const only = options.only === undefined ? undefined : ([] as string[]).concat(options.only);
  return outcome.result.diagnostics.filter((d) => !only || only.some((id) => d.ruleId === id || d.ruleId.startsWith(`${id}/`)));
}

export async function lintOutcome(text: string | Uint8Array, options: LintTestOptions = {}): Promise<LintOutcome> {
  const rules = await loadRules();
  const config = { ...testConfig(), ...options.config };
  const path = options.path ?? 'recipe.yaml';
  return typeof text === 'string' ? lintText(path, text, { config, rules, keepSource: true }) : lintBytes(path, text, { config, rules, keepSource: true });
}

/**
 * The default configuration without ShellCheck, so that results do not depend on whether it is installed; the
 * ShellCheck tests turn it on.
 */
export function testConfig(): Config {
  const config = defaultConfig();
  config.settings.shellcheck.enabled = false;
  return config;
}

/** The test configuration for recipes written for a builder release (`YYYY-MM`). */
export function atTarget(target: string): Partial<Config> {
  const config = testConfig();
  config.settings.target = target;
  return config;
}

/** Diagnostics as `ruleId@line:column` strings: the shape most assertions need. */
export async function positions(text: string, options: LintTestOptions = {}): Promise<string[]> {
  return (await lint(text, options)).map((d) => `${d.ruleId}@${d.line}:${d.column}`);
}

/** Diagnostics with their end, severity and message. */
export function compact(d: Diagnostic): Compact {
  return `${d.ruleId} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;
}

/** Joins lines into a recipe text; keeps tests readable. */
export function recipe(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A minimal valid recipe, to which tests add or override fields. */
export const VALID_RECIPE = recipe(
  '#!/SBUILD ver @v1.0.0',
  '_disabled: false',
  'pkg: "hello"',
  'pkg_id: "github.com.example.hello"',
  'pkg_type: "static"',
  'category:',
  '  - "Utility"',
  'description: "Prints a greeting"',
  'homepage:',
  '  - "https://github.com/example/hello"',
  'maintainer:',
  '  - "Jane Doe (https://github.com/jane)"',
  'src_url:',
  '  - "https://github.com/example/hello"',
  'x_exec:',
  '  shell: "bash"',
  '  pkgver: |',
  '    echo "1.0.0"',
  '  run: |',
  '    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes',
);

export const corpusRoot = fileURLToPath(new URL('../../shared/corpus/soarpkgs-2025-11/', import.meta.url));
export const hasCorpus = existsSync(corpusRoot);

/** Every recipe file of the corpus (or of a copy of it): everything but its LICENSE. */
export function corpusFiles(root = corpusRoot): string[] {
  return listCorpusFiles(root);
}


/**
 * The same recipe with the text of its `x_exec.run` block (the last field) anchored as `x_script: &s |` just before
 * `x_exec`, and `run: *s`: script line n is then file line (line of x_exec in the original) + n - 1.
 */
export function withAliasedRun(text: string): string {
  const marker = '  run: |\n';
  const at = text.lastIndexOf(marker);
  const head = text.slice(0, at);
  const xExec = head.lastIndexOf('x_exec:\n');
  return `${head.slice(0, xExec)}x_script: &s |\n${text.slice(at + marker.length)}${head.slice(xExec)}  run: *s\n`;
}
