import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { lintPaths } from '../../../src/core/run.js';
import { compact, ruleTester, VALID_RECIPE } from '../../helpers.js';

const directory = mkdtempSync(join(tmpdir(), 'fim-lint-pkg-id-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

async function pkgIdDiagnostics(paths: string[]): Promise<Record<string, string[]>> {
  const run = await lintPaths(paths, { config: defaultConfig() });
  return Object.fromEntries(run.results.map((result) => [result.path, result.diagnostics.filter((d) => d.ruleId === 'sbuild/duplicate-pkg-id').map(compact)]));
}

// A check across files: one file alone never shares its pkg_id. The cases with several files follow.
ruleTester.run('sbuild/duplicate-pkg-id', {
  valid: [{ name: 'a recipe alone', code: VALID_RECIPE }],
  invalid: [],
});

describe('sbuild/duplicate-pkg-id across files', () => {
  it('reports a shared pkg_id at each recipe, naming the other file', async () => {
    const a = write('a.yaml', VALID_RECIPE);
    const b = write('b.yaml', VALID_RECIPE.replace('pkg: "hello"', 'pkg: "hello-bin"'));
    const c = write('c.yaml', VALID_RECIPE.replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com.example.hello.nightly"'));
    expect(await pkgIdDiagnostics([a, b, c])).toEqual({
      [a]: [`sbuild/duplicate-pkg-id error 4:9-4:35 pkg_id 'github.com.example.hello' is also used by ${b}: a pkg_id identifies one recipe and is never shared`],
      [b]: [`sbuild/duplicate-pkg-id error 4:9-4:35 pkg_id 'github.com.example.hello' is also used by ${a}: a pkg_id identifies one recipe and is never shared`],
      [c]: [],
    });
  });

  it('names three of the other files, in its message and as related places, however many share the id', async () => {
    const paths = Array.from({ length: 13 }, (_, index) => write(`many-${String(index).padStart(2, '0')}.yaml`, VALID_RECIPE));
    const run = await lintPaths(paths, { config: defaultConfig() });
    const first = run.results.find((result) => result.path === paths[0])!.diagnostics.find((d) => d.ruleId === 'sbuild/duplicate-pkg-id')!;
    expect(first.message).toBe(`pkg_id 'github.com.example.hello' is also used by ${paths.slice(1, 4).join(', ')} and 9 more: a pkg_id identifies one recipe and is never shared`);
    expect(first.related?.map((place) => `${place.path}:${place.line}:${place.column}`)).toEqual(paths.slice(1, 4).map((path) => `${path}:4:9`));
  });

  it('leaves out disabled recipes and recipes retired by a .disabled suffix', async () => {
    const live = write('live.yaml', VALID_RECIPE);
    const disabled = write('off.yaml', VALID_RECIPE.replace('_disabled: false', '_disabled: true'));
    const retired = write('old.yaml.disabled', VALID_RECIPE);
    expect(await pkgIdDiagnostics([live, disabled, retired])).toEqual({ [live]: [], [disabled]: [], [retired]: [] });
  });

  it('sees a pkg_id an alias stands for and reports it at the alias', async () => {
    const a = write('alias-a.yaml', VALID_RECIPE.replace('pkg_id: "github.com.example.hello"', 'x_id: &id "github.com.example.aliased"\npkg_id: *id'));
    const b = write('alias-b.yaml', VALID_RECIPE.replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com.example.aliased"'));
    expect(await pkgIdDiagnostics([a, b])).toEqual({
      [a]: [`sbuild/duplicate-pkg-id error 5:9-5:12 pkg_id 'github.com.example.aliased' is also used by ${b}: a pkg_id identifies one recipe and is never shared (the value of alias *id, anchored on line 4)`],
      [b]: [`sbuild/duplicate-pkg-id error 4:9-4:37 pkg_id 'github.com.example.aliased' is also used by ${a}: a pkg_id identifies one recipe and is never shared`],
    });
  });
});
