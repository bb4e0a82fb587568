import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRecipe, runCli, tempTree } from './cli.js';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe('recipe code', () => {
  it('is never executed: not by linting, ShellCheck, --fix, --emit-validated nor any format', () => {
    const directory = tempTree();
    directories.push(directory);
    const marker = join(directory, 'ran');
    const recipe = goodRecipe()
      .replace('_disabled: false', '_disabled: "false"')
      .replace('    echo "1.0.0"', `    touch "${marker}-pkgver"; echo "1.0.0"`)
      .replace('  run: |\n', `  run: |\n    touch "${marker}-run" $(touch "${marker}-substitution")\n    bash -c 'touch "${marker}-bash-c"'\n`);
    expect(recipe).toContain(`touch "${marker}-pkgver"`);
    expect(recipe).toContain(`bash -c 'touch "${marker}-bash-c"'`);
    const recipes = tempTree({ 'r.yaml': recipe, 'copy.yaml': recipe.replace('example.hello', 'example.copy') });
    directories.push(recipes);
    for (const args of [['--fix'], ['--emit-validated'], ['-f', 'sarif'], ['--code-frame']]) runCli([...args, recipes]);
    for (const suffix of ['pkgver', 'run', 'substitution', 'bash-c']) expect(existsSync(`${marker}-${suffix}`)).toBe(false);
  });
});
