import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VALID_RECIPE } from '../helpers.js';
import { serverScript, workspace } from './server.js';

const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNeovim) console.warn('nvim is not installed: the Neovim language client test is skipped (apt-get install neovim)');

const root = workspace({ 'hello/static.official.stable.yaml': VALID_RECIPE.replace('  - "Utility"', '  - "utility"') });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!hasNeovim)('Neovim, headless, with its built-in language client', () => {
  it('shows the diagnostics, applies a quick fix, and follows edits', () => {
    const resultFile = join(root, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${fileURLToPath(new URL('./neovim.lua', import.meta.url))}`], {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        FIM_LINT_NODE: process.execPath,
        FIM_LINT_SERVER: serverScript,
        FIM_LINT_RECIPE: join(root, 'hello/static.official.stable.yaml'),
        FIM_LINT_RESULT: resultFile,
      },
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown>;
    expect(result.error, `${run.stderr}`).toBeUndefined();
    expect(run.status).toBe(0);
    expect(result.before).toEqual(['sbuild/category 7:5-7:14']);
    expect(result.titles).toEqual(["Fix sbuild/category: 'utility' is not a registered category", 'Disable sbuild/category for this line', 'Fix all fim-lint problems in this file']);
    expect(result.fixed_line).toBe('  - "Utility"');
    expect(result.after_fix).toEqual([]);
    expect(result.after_edit).toEqual(['flatimage/pkg-type 5:11-5:19']);
    expect(result.after_insert).toEqual(['flatimage/pkg-type 6:11-6:19']);
  });
});
