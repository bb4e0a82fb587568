import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import { ConfigResolver } from '../../src/config/resolver.js';


function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fim-lint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('configuration files', () => {
  it('uses the nearest .fim-lint.yaml from the file upward', async () => {
    const root = tree({
      '.fim-lint.yaml': 'rules:\n  sbuild/shebang: off\n  yaml/multiple-documents: warn\n',
      'binaries/.fim-lint.yml': 'rules:\n  sbuild/shebang: error\n',
    });
    const resolver = new ConfigResolver({ cwd: root });
    const top = await resolver.resolve('packages/a/static.yaml');
    expect(top.config.rules).toEqual({ 'sbuild/shebang': 'off', 'yaml/multiple-documents': 'warn' });
    expect(top.configFile).toBe(join(root, '.fim-lint.yaml'));
    const nested = await resolver.resolve('binaries/a/static.yaml');
    // The nearest file wins whole: nothing is inherited from the folder above.
    expect(nested.config.rules).toEqual({ 'sbuild/shebang': 'error' });
  });

  it('reads the fim-lint key of package.json and skips a package.json without one', async () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'recipes', 'fim-lint': { rules: { 'yaml/duplicate-key': 'warning' } } }),
      'sub/package.json': JSON.stringify({ name: 'other' }),
    });
    const resolved = await new ConfigResolver({ cwd: root }).resolve('sub/r.yaml');
    expect(resolved.config.rules).toEqual({ 'yaml/duplicate-key': 'warning' });
    expect(resolved.configFile).toBe(join(root, 'package.json'));
  });

  it('applies matching overrides in order, then --rule, and passes settings on', async () => {
    const root = tree({
      '.fim-lint.yaml': [
        'flatimage:',
        '  extraBaseImages: [myorg-base]',
        'shellcheck:',
        '  exclude: [SC1091]',
        'rules:',
        '  sbuild/shebang: warn',
        'overrides:',
        '  - files: ["binaries/**"]',
        '    rules:',
        '      sbuild/shebang: error',
        '    shellcheck:',
        '      severity: { style: warn }',
        '',
      ].join('\n'),
    });
    const resolver = new ConfigResolver({ cwd: root, ruleOverrides: { 'yaml/syntax': 'warn' } });
    const inside = await resolver.resolve(join(root, 'binaries/x/static.yaml'));
    expect(inside.config.rules).toEqual({ 'sbuild/shebang': 'error', 'yaml/syntax': 'warn' });
    expect(inside.config.settings).toMatchObject({ flatimage: { extraBaseImages: ['myorg-base'] }, shellcheck: { exclude: ['SC1091'], severity: { error: 'error', warning: 'warning', info: 'info', style: 'warning' } } });
    const outside = await resolver.resolve(join(root, 'packages/x/static.yaml'));
    expect(outside.config.rules).toEqual({ 'sbuild/shebang': 'warn', 'yaml/syntax': 'warn' });
    expect(outside.config.settings).toMatchObject({ shellcheck: { exclude: ['SC1091'] } });
  });

  it('marks files matching an ignore pattern as ignored', async () => {
    const root = tree({ '.fim-lint.yaml': 'ignore:\n  - templates/\n  - "*.disabled"\n' });
    const resolver = new ConfigResolver({ cwd: root });
    expect((await resolver.resolve('templates/static.yaml')).ignored).toBe(true);
    expect((await resolver.resolve('binaries/a/static.yaml.disabled')).ignored).toBe(true);
    expect((await resolver.resolve('binaries/a/static.yaml')).ignored).toBe(false);
  });

  it('applies ignore patterns to a file whose name starts with two dots', async () => {
    const root = tree({ '.fim-lint.yaml': 'ignore:\n  - "*.disabled"\n' });
    const resolver = new ConfigResolver({ cwd: root });
    expect((await resolver.resolve('..static.yaml.disabled')).ignored).toBe(true);
  });

  it('with --config uses that file for every file, patterns relative to its folder', async () => {
    const root = tree({ 'conf/lint.yaml': 'rules:\n  sbuild/shebang: off\noverrides:\n  - files: ["x/**"]\n    rules:\n      yaml/syntax: warn\n', '.fim-lint.yaml': 'rules: {}\n' });
    const resolver = new ConfigResolver({ cwd: root, configPath: 'conf/lint.yaml' });
    expect((await resolver.resolve('a.yaml')).config.rules).toEqual({ 'sbuild/shebang': 'off' });
    expect((await resolver.resolve('conf/x/a.yaml')).config.rules).toEqual({ 'sbuild/shebang': 'off', 'yaml/syntax': 'warn' });
  });

  it('looks a folder up once', async () => {
    const root = tree({ '.fim-lint.yaml': 'rules:\n  sbuild/shebang: off\n' });
    const resolver = new ConfigResolver({ cwd: root });
    await resolver.resolve('a/one.yaml');
    rmSync(join(root, '.fim-lint.yaml'));
    expect((await resolver.resolve('a/two.yaml')).config.rules).toEqual({ 'sbuild/shebang': 'off' });
  });

  it('rejects an invalid file with a message naming the file, the place in it and the key', async () => {
    const cases: [string, string][] = [
      ['rules:\n  sbuild/shebang: loud\n', '.fim-lint.yaml:2:19: rules.sbuild/shebang must be off, info, warn, warning or error, or [level, {options}]'],
      ['rules:\n  sbuild/shebang: [loud]\n', '.fim-lint.yaml:2:20: rules.sbuild/shebang must be off, info, warn, warning or error, or [level, {options}]'],
      ['rulez: {}\n', ".fim-lint.yaml:1:1: the configuration has an unknown key 'rulez'; did you mean 'rules'?"],
      ['rules:\n  sbuild/no-such-rule: off\n', ".fim-lint.yaml:2:3: unknown rule 'sbuild/no-such-rule' (fim-lint --list-rules lists the rules)"],
      ['rules:\n  sbuild/hots: off\n', ".fim-lint.yaml:2:3: unknown rule 'sbuild/hots'; did you mean 'sbuild/host'?"],
      ['rules: [\n', '.fim-lint.yaml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
      ['overrides:\n  - rules: {}\n', ".fim-lint.yaml:2:5: overrides.0 must have required property 'files'"],
    ];
    for (const [text, message] of cases) {
      const root = tree({ '.fim-lint.yaml': text });
      const error = await new ConfigResolver({ cwd: root }).resolve('r.yaml').catch((e: unknown) => e);
      expect(error, text).toBeInstanceOf(ConfigError);
      expect((error as Error).message.replace(`${root}/`, ''), text).toBe(message);
    }
  });

  it('accepts ShellCheck codes as rule ids', async () => {
    const root = tree({ '.fim-lint.yaml': 'rules:\n  shell/SC2086: off\n' });
    expect((await new ConfigResolver({ cwd: root }).resolve('r.yaml')).config.rules).toEqual({ 'shell/SC2086': 'off' });
  });
});

describe('the target builder release', () => {
  it('defaults to the final release, is read from the configuration and its overrides, and must name a release', async () => {
    const root = tree({
      '.fim-lint.yaml': 'target: "2025-11"\noverrides:\n  - files: ["new/**"]\n    target: "2026-03"\n',
      'bad/.fim-lint.yaml': 'target: "2024-01"\n',
      'none/.fim-lint.yaml': 'rules: {}\n',
    });
    const resolver = new ConfigResolver({ cwd: root });
    expect((await resolver.resolve('old/a.yaml')).config.settings.target).toBe('2025-11');
    expect((await resolver.resolve('new/a.yaml')).config.settings.target).toBe('2026-03');
    expect((await resolver.resolve('none/a.yaml')).config.settings.target).toBe('2026-06');
    await expect(resolver.resolve('bad/a.yaml')).rejects.toThrow(ConfigError);
  });
});
