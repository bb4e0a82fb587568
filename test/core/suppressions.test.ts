import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { lintText } from '../../src/core/lint.js';
import { loadRules } from '../../src/core/registry.js';
import { defineRule } from '../../src/core/rule.js';
import { parsedScripts } from '../../src/shell/parsed-scripts.js';
import { compact, lint, recipe, VALID_RECIPE } from '../helpers.js';

/** Reports every `rm` command of the embedded scripts at the command, as shell rules do. */
const noRm = defineRule({
  id: 'shell/no-rm',
  description: 'test rule',
  severity: 'warning',
  async check({ recipe, report }) {
    for (const script of await parsedScripts(recipe)) {
      for (const command of script.tree.rootNode.descendantsOfType('command')) {
        if (command?.firstNamedChild?.text === 'rm') report({ message: 'rm found', at: script.toFileSpan(command.startIndex, command.endIndex) });
      }
    }
  },
});

async function lintWithScripts(text: string, rules: Config['rules'] = {}) {
  const config = { ...defaultConfig(), rules };
  const { result } = await lintText('recipe.yaml', text, { config, rules: [...(await loadRules()), noRm] });
  return result.diagnostics.map(compact);
}

/** VALID_RECIPE with `lines` added after its `pkg` line (line 3): the first added line is line 4. */
const afterPkg = (...lines: string[]) => VALID_RECIPE.replace('pkg: "hello"\n', recipe('pkg: "hello"', ...lines));

/** VALID_RECIPE with `lines` added to the end of its last field, the x_exec.run script: the first added line is line 21. */
const inRun = (...lines: string[]) => VALID_RECIPE + recipe(...lines);

const DUPLICATE = "Duplicate key 'pkg': the builder keeps the later value and silently drops the earlier one; remove or rename the repeated key";

describe('inline suppressions', () => {
  it('disable-next-line hides the named rule on the next line only', async () => {
    const text = afterPkg('# fim-lint-disable-next-line yaml/duplicate-key -- kept for the old builder', 'pkg: b', 'pkg: c');
    expect((await lint(text)).map(compact)).toEqual([`yaml/duplicate-key warning 6:1-6:4 ${DUPLICATE}`]);
  });

  it('disable-line hides the named rules on its own line, several ids separated by commas', async () => {
    const text = afterPkg('pkg: b # fim-lint-disable-line sbuild/shebang, yaml/duplicate-key -- why');
    expect(await lint(text)).toEqual([]);
  });

  it('a directive without rule ids hides every rule', async () => {
    expect(await lint(afterPkg('pkg: b # fim-lint-disable-line'))).toEqual([]);
  });

  it('disable at the top of a file covers the whole file, also problems of line 1', async () => {
    const text = VALID_RECIPE.replace('#!/SBUILD ver @v1.0.0\n', '# fim-lint-disable sbuild/shebang -- generated\n');
    expect(await lint(text)).toEqual([]);
  });

  it('disable … enable covers the lines between them only', async () => {
    const text = afterPkg('# fim-lint-disable yaml/duplicate-key', 'pkg: b', '# fim-lint-enable yaml/duplicate-key', 'pkg: c');
    expect((await lint(text)).map(compact)).toEqual([`yaml/duplicate-key warning 7:1-7:4 ${DUPLICATE}`]);
  });

  it('does not take a directive inside a quoted YAML value or a non-script block scalar', async () => {
    const text = recipe('#!/SBUILD', 'pkg: a', 'pkg: "# fim-lint-disable-line yaml/duplicate-key"', 'description: |', '  # fim-lint-disable yaml/duplicate-key', 'pkg: c');
    expect((await lint(text, { only: 'yaml/duplicate-key' })).map((d) => d.line)).toEqual([3, 6]);
  });

  it('works inside x_exec.run, where a directive is a shell comment', async () => {
    const text = inRun(
      '    # fim-lint-disable-next-line shell/no-rm -- the build dir is ours',
      '    rm -rf build',
      '    rm -rf dist # fim-lint-disable-line shell/no-rm',
      '    rm -f x',
    );
    expect(await lintWithScripts(text)).toEqual(['shell/no-rm warning 24:5-24:12 rm found']);
  });

  it('does not take a directive inside a shell string or here-document', async () => {
    const text = inRun('    rm a "# fim-lint-disable-line shell/no-rm"', '    cat <<EOF', '    # fim-lint-disable-next-line shell/no-rm', '    EOF', '    rm b');
    expect(await lintWithScripts(text)).toEqual(['shell/no-rm warning 21:5-21:47 rm found', 'shell/no-rm warning 25:5-25:9 rm found']);
  });

  it('never hides yaml/syntax', async () => {
    const diagnostics = await lint(recipe('#!/SBUILD', 'pkg: [a # fim-lint-disable-line'));
    expect(diagnostics.map((d) => d.ruleId)).toContain('yaml/syntax');
  });

  it('also applies to problems of other rules reported on the same line as a script directive', async () => {
    const text = inRun('    rm -rf build # fim-lint-disable-line', '    ls');
    expect(await lintWithScripts(text, { 'sbuild/unused-disable-directive': 'error' })).toEqual([]);
  });
});
