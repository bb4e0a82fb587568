import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import { ConfigResolver, withLayer } from '../../src/config/resolver.js';
import { defaultConfig } from '../../src/core/config.js';
import { loadRules } from '../../src/core/registry.js';
import { optionsWithDefaults } from '../../src/core/rule.js';
import { schemasPath } from '../../src/schemas/precompiled.js';
import { compact, lint } from '../helpers.js';

const rules = await loadRules();

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fim-lint-options-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** The configuration error of a file, with the folder left out. */
async function configError(text: string, name = '.fim-lint.yaml'): Promise<string> {
  const root = tree({ [name]: text });
  const error = await new ConfigResolver({ cwd: root }).resolve('r.yaml').catch((e: unknown) => e);
  expect(error, text).toBeInstanceOf(ConfigError);
  return (error as Error).message.replace(`${root}/`, '');
}

describe('rule options', () => {
  it('reports an unknown option with a did-you-mean, at the option', async () => {
    expect(await configError('rules:\n  sbuild/host: [error, { requireLowercse: true }]\n')).toBe(
      ".fim-lint.yaml:2:26: rules.sbuild/host: unknown option 'requireLowercse'; did you mean 'requireLowercase'?",
    );
    expect(await configError('rules:\n  flatimage/fim-command:\n    - error\n    - versoin: 2\n')).toBe(".fim-lint.yaml:4:7: rules.flatimage/fim-command: unknown option 'versoin'; did you mean 'version'?");
    // The option that held ShellCheck's fixes back is gone: they are unsafe fixes now (--unsafe-fixes).
    expect(await configError('rules:\n  shell/shellcheck: [warning, { fixes: true }]\n')).toBe(".fim-lint.yaml:2:33: rules.shell/shellcheck: unknown option 'fixes': the rule takes no options");
    expect(await configError('rules:\n  sbuild/host: [error, { strict: true }]\n')).toBe(".fim-lint.yaml:2:26: rules.sbuild/host: unknown option 'strict': the rule takes requireLowercase");
  });

  it('reports an option given to a rule that takes none', async () => {
    expect(await configError('rules:\n  sbuild/shebang: [warn, { note: 1 }]\n')).toBe(".fim-lint.yaml:2:28: rules.sbuild/shebang: unknown option 'note': the rule takes no options");
    expect(await configError('rules:\n  shell/SC2086: [warn, { fixes: true }]\n')).toBe(".fim-lint.yaml:2:26: rules.shell/SC2086: unknown option 'fixes': the rule takes no options");
  });

  it('reports an option of the wrong type or value, at the value', async () => {
    expect(await configError('rules:\n  sbuild/host: [error, { requireLowercase: "yes" }]\n')).toBe(".fim-lint.yaml:2:44: rules.sbuild/host: option 'requireLowercase' must be boolean");
    expect(await configError('overrides:\n  - files: [a/]\n    rules:\n      flatimage/fim-command: [error, { version: "3" }]\n')).toBe(
      ".fim-lint.yaml:4:49: overrides.0.rules.flatimage/fim-command: option 'version' must be auto, 0, 1 or 2",
    );
  });

  it('reports options that are not a map', async () => {
    expect(await configError('rules:\n  sbuild/host: [error, true]\n')).toBe('.fim-lint.yaml:2:24: rules.sbuild/host: the options must be object, as in [error, { name: value }]');
  });

  it('reports the place in package.json', async () => {
    const manifest = JSON.stringify({ name: 'recipes', 'fim-lint': { rules: { 'sbuild/host': ['error', { requireLowercse: true }] } } }, null, 2);
    expect(await configError(manifest, 'package.json')).toBe("package.json:8:11: rules.sbuild/host: unknown option 'requireLowercse'; did you mean 'requireLowercase'?");
  });

  it('gives each rule its defaults under the configured values', () => {
    const host = rules.find((rule) => rule.id === 'sbuild/host')!;
    const fimCommand = rules.find((rule) => rule.id === 'flatimage/fim-command')!;
    expect(optionsWithDefaults(host, {})).toEqual({ requireLowercase: false });
    expect(optionsWithDefaults(host, { requireLowercase: true })).toEqual({ requireLowercase: true });
    expect(optionsWithDefaults(fimCommand, {})).toEqual({ version: 'auto' });
    expect(optionsWithDefaults(rules.find((rule) => rule.id === 'sbuild/shebang')!, {})).toEqual({});
  });

  it('every declared option has a default its own schema accepts', async () => {
    const { precompiledValidator } = await import('../../src/schemas/precompiled.js');
    const validate = precompiledValidator('config');
    for (const rule of rules.filter((candidate) => candidate.options)) {
      expect(validate({ rules: { [rule.id]: ['error', optionsWithDefaults(rule, {})] } }), rule.id).toBe(true);
    }
  });

  it('lints with the options of the configuration', async () => {
    const recipe = '#!/SBUILD\npkg: hello\nx_exec:\n  host:\n    - X86_64-Linux\n  shell: sh\n  run: echo\n';
    const lowercase = (config: ReturnType<typeof defaultConfig>) => lint(recipe, { config }).then((diagnostics) => diagnostics.filter((d) => d.ruleId === 'sbuild/host').map(compact));
    expect(await lowercase(defaultConfig())).toEqual([]);
    const strict = withLayer(defaultConfig(), { rules: { 'sbuild/host': ['warn', { requireLowercase: true }] } });
    expect(await lowercase(strict)).toEqual(["sbuild/host warning 5:7-5:19 'X86_64-Linux' in x_exec.host is not lowercase: the builder lowercases it, write 'x86_64-linux'"]);
  });
});

describe('settings sections', () => {
  it('report an unknown key with a did-you-mean, at the key', async () => {
    expect(await configError('shellcheck:\n  cach: true\n')).toBe(".fim-lint.yaml:2:3: shellcheck has an unknown key 'cach'; did you mean 'cache'?");
    expect(await configError('shellcheck:\n  severity: { styel: off }\n')).toBe(".fim-lint.yaml:2:15: shellcheck.severity has an unknown key 'styel'; did you mean 'style'?");
    expect(await configError('flatimage:\n  baseImages: [x]\n')).toBe(
      ".fim-lint.yaml:2:3: flatimage has an unknown key 'baseImages': expected extraBaseImages",
    );
    expect(await configError('overrides:\n  - files: [a/]\n    shellcheck: { excludes: [SC2086] }\n')).toBe(
      ".fim-lint.yaml:3:19: overrides.0.shellcheck has an unknown key 'excludes'; did you mean 'exclude'?",
    );
  });

  it('report a value of the wrong type, at the value', async () => {
    expect(await configError('shellcheck:\n  cache: "yes"\n')).toBe('.fim-lint.yaml:2:10: shellcheck.cache must be boolean');
    expect(await configError('shellcheck:\n  severity:\n    style: quiet\n')).toBe('.fim-lint.yaml:3:12: shellcheck.severity.style must be off, info, warn, warning or error');
    expect(await configError('target: "2024-01"\n')).toBe('.fim-lint.yaml:1:9: target must be 2025-11, 2025-12, 2026-01, 2026-02, 2026-03, 2026-04, 2026-05 or 2026-06');
  });

  it('refuse a program or a cache outside the working directory, at the key', async () => {
    expect(await configError('rules: {}\nshellcheck:\n  path: /tmp/evil\n')).toBe(
      '.fim-lint.yaml:3:3: shellcheck.path: a configuration file cannot choose the program to run; pass --shellcheck <path> on the command line or set the FIM_LINT_SHELLCHECK environment variable instead',
    );
    expect(await configError('shellcheck:\n  cacheLocation: x\n')).toBe(
      '.fim-lint.yaml:2:3: shellcheck.cacheLocation: a configuration file cannot turn on a cache or choose where it is written; pass --cache (and --cache-location <dir>) on the command line instead',
    );
    expect(await configError('shellcheck:\n  cache: true\n')).toBe(
      '.fim-lint.yaml:2:3: shellcheck.cache: a configuration file cannot turn on a cache or choose where it is written; pass --cache (and --cache-location <dir>) on the command line instead',
    );
  });
});

describe('the settings schema', () => {
  it('gives every setting a configuration file may set its default, as defaultConfig has it', () => {
    const schema = JSON.parse(readFileSync(schemasPath('fim-lint-config.schema.json'), 'utf8')) as { $defs: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }> };
    const settings = defaultConfig().settings as unknown as Record<string, Record<string, unknown>>;
    expect(schema.$defs.target!.default).toBe(settings.target);
    for (const section of ['flatimage', 'shellcheck']) {
      for (const [name, property] of Object.entries(schema.$defs[section]!.properties!)) expect(property.default, `${section}.${name}`).toEqual(settings[section]![name]);
    }
  });
});

describe('merging layers', () => {
  it('merges maps at every depth: a partial shellcheck.severity keeps the other levels', () => {
    const config = withLayer(withLayer(defaultConfig(), { shellcheck: { severity: { style: 'off' } } }), { shellcheck: { severity: { info: 'warn' } } });
    expect(config.settings.shellcheck.severity).toEqual({ error: 'error', warning: 'warning', info: 'warning', style: 'off' });
    expect(config.settings.shellcheck.enabled).toBe(true);
  });

  it('replaces lists rather than joining them', () => {
    const config = withLayer(withLayer(defaultConfig(), { shellcheck: { exclude: ['SC2086'] } }), { shellcheck: { exclude: ['SC2034'] } });
    expect(config.settings.shellcheck.exclude).toEqual(['SC2034']);
  });

  it("keeps a rule's options when a later layer sets only its level, and merges options by name", () => {
    const base = withLayer(defaultConfig(), { rules: { 'sbuild/host': ['error', { requireLowercase: true }], 'flatimage/fim-command': ['error', { version: 2 }] } });
    const later = withLayer(base, { rules: { 'sbuild/host': 'warn', 'flatimage/fim-command': ['warn', {}] } });
    expect(later.rules).toEqual({ 'sbuild/host': ['warn', { requireLowercase: true }], 'flatimage/fim-command': ['warn', { version: 2 }] });
    expect(withLayer(later, { rules: { 'sbuild/host': ['error', { requireLowercase: false }] } }).rules['sbuild/host']).toEqual(['error', { requireLowercase: false }]);
  });

  it('applies overrides and --rule over the options of the file', async () => {
    const root = tree({
      '.fim-lint.yaml': 'rules:\n  sbuild/host: [error, { requireLowercase: true }]\nshellcheck:\n  severity: { style: off }\noverrides:\n  - files: [strict/]\n    shellcheck:\n      severity: { info: error }\n',
    });
    const resolver = new ConfigResolver({ cwd: root, ruleOverrides: { 'sbuild/host': 'warn' } });
    const { config } = await resolver.resolve('strict/r.yaml');
    expect(config.rules['sbuild/host']).toEqual(['warn', { requireLowercase: true }]);
    expect(config.settings.shellcheck.severity).toEqual({ error: 'error', warning: 'warning', info: 'error', style: 'off' });
  });
});
