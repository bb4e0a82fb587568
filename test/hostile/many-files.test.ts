import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonResults, runCli } from './cli.js';

const FOLDERS = 250;
const FILES_PER_FOLDER = 200;

/** 50,000 small recipes in 250 folders (most rules find fields missing); every 1000th one has a duplicate key. */
const directory = mkdtempSync(join(tmpdir(), 'fim-lint-many-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function generate(): Set<string> {
  const broken = new Set<string>();
  for (let folder = 0; folder < FOLDERS; folder++) {
    const folderPath = join(directory, `pkg-${folder}`);
    mkdirSync(folderPath);
    for (let file = 0; file < FILES_PER_FOLDER; file++) {
      const path = join(folderPath, `r${file}.yaml`);
      const number = folder * FILES_PER_FOLDER + file;
      const isBroken = number % 1000 === 0;
      if (isBroken) broken.add(path);
      writeFileSync(path, `#!/SBUILD\npkg: "p${number}"\n${isBroken ? 'pkg: "again"\n' : ''}description: "Package ${number}"\n`);
    }
  }
  return broken;
}

describe('a repository of 50,000 recipes', () => {
  it('lints every file once, in a stable order, and reports exactly the broken ones', () => {
    const broken = generate();
    const run = runCli(['--format', 'json', directory], { timeoutMs: 300_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = jsonResults(run);
    expect(results).toHaveLength(FOLDERS * FILES_PER_FOLDER);
    expect(new Set(results.map((result) => result.filePath)).size).toBe(results.length);
    const paths = results.map((result) => result.filePath);
    expect(paths).toEqual(paths.slice().sort());
    const withDuplicates = results.filter((result) => result.messages.some((m) => m.ruleId === 'yaml/duplicate-key'));
    expect(withDuplicates.map((result) => result.filePath).sort()).toEqual([...broken].sort());
    const engineFailures = results.flatMap((result) => result.messages.filter((m) => m.ruleId.startsWith('engine/') || m.message.startsWith('Internal error')));
    expect(engineFailures).toEqual([]);
  });
});
