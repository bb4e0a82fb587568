import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRecipe, jsonResults, root, runCli, tempTree } from './cli.js';

const directories: string[] = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const directory = tempTree(files);
  directories.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A file name that, printed raw, puts a forged workflow command on a line of its own. */
const FORGING_NAME = 'evil\n::error title=forged::forged\n.yaml';
/** A recipe with a duplicate key on line 4 (a warning), so that every format reports the file. */
const REPORTED = goodRecipe().replace('pkg_id:', 'pkg: "again"\npkg_id:');

/** Every character a terminal acts on: ESC (clear screen, OSC 52 clipboard, window title), BEL, a C1 CSI, DEL. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function lines(text: string): string[] {
  return text.split('\n');
}

describe('a file name that forges a GitHub workflow command', () => {
  const shownName: Record<string, string> = {
    gcc: 'evil\\n::error title=forged::forged\\n.yaml',
    stylish: 'evil\\n::error title=forged::forged\\n.yaml',
    // The escapes GitHub decodes, so that the annotation still names the file.
    github: 'evil%0A%3A%3Aerror title=forged%3A%3Aforged%0A.yaml',
  };
  for (const format of ['gcc', 'stylish', 'github']) {
    it(`is escaped in -f ${format}: no line of the report starts with the forged command`, () => {
      const directory = tree({ [FORGING_NAME]: REPORTED });
      const run = runCli(['-f', format, directory]);
      expect(run.code).toBe(0);
      expect(lines(run.stdout).filter((line) => line.startsWith('::error title=forged'))).toEqual([]);
      expect(run.stdout).toContain(shownName[format]);
    });
  }

  it('is escaped on standard error with -f github', () => {
    const directory = tree({});
    const run = runCli(['-f', 'github', join(directory, FORGING_NAME)]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr).filter((line) => line.startsWith('::'))).toEqual([]);
    expect(run.stderr).toContain(`fim-lint: cannot read ${directory}/evil\\n::error title=forged::forged\\n.yaml: no such file or directory`);
  });

  it('is escaped in the header of a --fix-dry-run diff', () => {
    const directory = tree({ [FORGING_NAME]: goodRecipe().replace('_disabled: false', '_disabled: "false"') });
    const run = runCli(['--fix-dry-run', '-f', 'github', directory]);
    expect(run.stdout).toContain('+_disabled: false');
    expect(lines(run.stdout).filter((line) => line.startsWith('::'))).toEqual([]);
  });
});

/**
 * What the GitHub runner takes for a workflow command (actions/runner `ActionCommand`): a line that starts with `::` once
 * trimmed, and `##[` anywhere in a line.
 */
function commandLines(text: string): string[] {
  return lines(text).filter((line) => line.trim().startsWith('::') || line.includes('##['));
}

describe('workflow commands inside lines, and on lines a report wraps', () => {
  // Unknown keys, quoted in sbuild/unknown-key's message: one long enough that stylish wraps the command onto a line of its own.
  const hostile = REPORTED.replace(
    'pkg_type: "static"',
    'pkg_type: "static"\n"x_aaaa_bbbb_cccc_dddd_eeee_ffff_gggg_hhhh_iiii_jjjj_kkkk ::warning::forged-by-key": 1\n"x_legacy ##[error]forged": 1',
  );

  for (const format of ['stylish', 'gcc', 'json', 'sarif', 'checkstyle', 'junit']) {
    it(`-f ${format} holds no line the runner reads as a command`, () => {
      const directory = tree({ 'r.yaml': hostile, '::error title=forged::pwned.yaml': REPORTED });
      const run = runCli(['-f', format, '--code-frame', '.'], { cwd: directory, env: { COLUMNS: '80' } });
      expect(run.code).toBe(1);
      expect(commandLines(run.stdout)).toEqual([]);
      expect(commandLines(run.stderr)).toEqual([]);
    });
  }

  it('keeps the data of -f json as it was: the escape is JSON’s', () => {
    const directory = tree({ 'r.yaml': hostile });
    const run = runCli(['-f', 'json', 'r.yaml'], { cwd: directory });
    expect(run.stdout).toContain('#\\u0023[error]');
    expect(jsonResults(run)[0]!.messages.map((message) => message.message).join('\n')).toContain("'x_legacy ##[error]forged'");
  });

  it('shows the escaped characters in -f stylish and -f gcc', () => {
    const directory = tree({ '::error title=forged::pwned.yaml': REPORTED });
    expect(runCli(['-f', 'gcc', '.'], { cwd: directory }).stdout).toMatch(/^\\x3A:error title=forged::pwned\.yaml:4:1: /);
    expect(lines(runCli(['-f', 'stylish', '.'], { cwd: directory }).stdout)).toContain('\\x3A:error title=forged::pwned.yaml');
  });

  it('keeps the -f github annotations, which escape what they quote', () => {
    const directory = tree({ 'r.yaml': hostile });
    const run = runCli(['-f', 'github', 'r.yaml'], { cwd: directory });
    expect(lines(run.stdout).filter((line) => line.startsWith('::warning file=r.yaml,'))).toHaveLength(3);
    expect(lines(run.stdout).filter((line) => !line.startsWith('::warning file=r.yaml,') && (line.trim().startsWith('::') || line.includes('##[')))).toEqual([]);
  });

  it('is escaped on standard error: a rule id of a repository’s configuration, a file name on the command line', () => {
    const directory = tree({ 'r.yaml': REPORTED, 'config/.fim-lint.yaml': 'rules:\n  "##[error]forged config annotation": error\n' });
    const configured = runCli(['-f', 'github', '--config', 'config/.fim-lint.yaml', 'r.yaml'], { cwd: directory });
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain("unknown rule '#\\x23[error]forged config annotation'");
    expect(commandLines(configured.stderr)).toEqual([]);
    const missing = runCli(['-f', 'github', 'r.yaml', '##[error]missing.yaml'], { cwd: directory });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('fim-lint: cannot read #\\x23[error]missing.yaml: no such file or directory');
    expect(commandLines(missing.stderr)).toEqual([]);
  });
});

describe('terminal escape sequences in keys and values', () => {
  // A key holding OSC 52 (set the clipboard), a title change and a clear screen, written as YAML escapes; a value
  // holding a raw ESC, BEL and C1 CSI, which the code frame shows.
  const hostile = goodRecipe()
    .replace('pkg_type: "static"', 'pkg_type: "static"\n"\\e]52;c;cm0gLXJmIH4=\\a\\e]0;owned\\a\\e[2J": 1')
    .replace('description: "Prints a greeting"', 'description: "Prints \u001B[2J\u0007\u009B31m a greeting"\nx_raw: "\u001B]0;title\u0007"');

  for (const format of ['stylish', 'gcc', 'github']) {
    it(`shows them as visible escapes in -f ${format}, with code frames`, () => {
      const directory = tree({ 'r.yaml': hostile });
      const run = runCli(['-f', format, '--code-frame', directory]);
      expect(run.code).not.toBe(2);
      expect(run.stdout).not.toMatch(TERMINAL_CONTROLS);
      expect(run.stderr).not.toMatch(TERMINAL_CONTROLS);
      expect(run.stdout).toContain('\\e]52;c;cm0gLXJmIH4=\\x07\\e]0;owned\\x07\\e[2J');
    });
  }

  it('shows the raw controls of a line as visible escapes in the code frame, with the carets under them', () => {
    const directory = tree({ 'r.yaml': hostile });
    const run = runCli(['--code-frame', '--rule', 'sbuild/unknown-key=error', directory]);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROLS);
    const frame = lines(run.stdout);
    const index = frame.findIndex((line) => line.includes('x_raw: "\\e]0;title\\x07"'));
    expect(index).toBeGreaterThan(-1);
    expect(frame[index + 1]).toMatch(/│ \^{5}$/);
  });
});

describe('a C1 CSI and a right-to-left override in a key, in the machine formats', () => {
  // Written as YAML escapes in the key, which sbuild/unknown-key quotes in its message.
  const hostile = `${goodRecipe()}"x_a\\u009b2J\\u202Eevil": 1\n`;
  const actedOn = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
  const written: Record<string, string> = {
    json: String.raw`"message":"Unknown key 'x_a\u009b2J\u202eevil', which`,
    sarif: String.raw`"text": "Unknown key 'x_a\u009b2J\u202eevil', which`,
    checkstyle: 'message="Unknown key &apos;x_a&#x9B;2J&#x202E;evil&apos;, which',
    junit: 'warning: Unknown key &apos;x_a&#x9B;2J&#x202E;evil&apos;, which',
  };
  for (const [format, shown] of Object.entries(written)) {
    it(`are escapes in -f ${format}`, () => {
      const directory = tree({ 'r.yaml': hostile });
      const run = runCli(['-f', format, directory]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(actedOn);
      expect(run.stdout).toContain(shown);
    });
  }
});

describe('lone surrogates', () => {
  const withLoneSurrogate = goodRecipe().replace('pkg_type: "static"', 'pkg_type: "static"\n"\\ud800bad": 1');

  for (const format of ['json', 'sarif']) {
    it(`are replaced in -f ${format}, which jq then reads`, () => {
      const directory = tree({ 'r.yaml': withLoneSurrogate });
      const run = runCli(['-f', format, directory]);
      expect(run.code).not.toBe(2);
      expect(run.stdout).not.toMatch(/\\ud800/i);
      expect(run.stdout).toContain('\uFFFDbad');
      const jq = spawnSync('jq', ['-e', '.'], { input: run.stdout, encoding: 'utf8', cwd: root });
      if (jq.error) {
        expect(() => JSON.parse(run.stdout)).not.toThrow();
        return;
      }
      expect(jq.status).toBe(0);
    });
  }
});


describe('a file named ..x.yaml', () => {
  it('gets a SARIF URI relative to the source root, as any file inside the working directory', () => {
    const directory = tree({ '..x.yaml': REPORTED });
    const run = runCli(['-f', 'sarif', '..x.yaml'], { cwd: directory });
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: '..x.yaml', uriBaseId: '%SRCROOT%' });
  });
});
