import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const RUN = '  run: |\n    soar dl "https://github.com/example/hello" -o "./${PKG}" --yes\n';
const withRun = (header: string, ...lines: string[]) => VALID_RECIPE.replace(RUN, `  run: ${header}\n${lines.map((line) => `    ${line}\n`).join('')}`);
const TWO_COMMANDS = ['mkdir -p out', 'soar dl "https://github.com/example/hello" -o "./${PKG}" --yes'];

ruleTester.run('yaml/folded-script', {
  valid: [
    { name: 'a literal block', code: withRun('|', ...TWO_COMMANDS) },
    { name: 'a folded block of one line', code: withRun('>', TWO_COMMANDS[1]!) },
    { name: 'a folded block whose lines are apart or more indented, which keep their line breaks', code: withRun('>-', 'mkdir -p out', '', '  cd out', 'true') },
  ],
  invalid: [
    {
      // YAML 1.2 §8.1.3: a folded block joins lines at its indentation with a space.
      name: 'a folded run of two commands, made literal by the fix',
      code: withRun('>', ...TWO_COMMANDS),
      errors: ["yaml/folded-script error 19:8-19:9 x_exec.run is a folded block ('>'), so YAML joins line 20 and the next into one with a space: the shell gets one command where two are written. Write '|' to keep each line"],
      output: withRun('|', ...TWO_COMMANDS),
    },
  ],
});
