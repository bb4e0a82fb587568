import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRecipe, root, runCli, tempTree } from './cli.js';

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
