import { defineRule } from '../../core/rule.js';
import { isImageInvocation } from '../../flatimage/recipe-kind.js';
import type { ShellCommand } from '../../shell/commands.js';
import { runCommands, runScriptMentions } from '../../shell/commands.js';

export default defineRule({
  id: 'flatimage/uncommitted-root',
  description: 'Changes made with fim-root are committed into the image (fim-commit or fim-layer commit binary) later in the script',
  severity: 'warning',
  async check({ recipe, report }) {
    if (!runScriptMentions(recipe, /fim-root/)) return;
    for (const { script, commands } of await runCommands(recipe)) {
      const calls = commands.filter(isImageInvocation);
      for (const [index, call] of calls.entries()) {
        if (call.args[0]!.values[0] !== 'fim-root') continue;
        if (calls.slice(index + 1).some((later) => commits(later) && sameImage(later, call))) continue;
        report({
          message: `fim-root on ${imageName(call)} writes its changes to the overlay beside the file: no later 'fim-commit' (v1.0.x) or 'fim-layer commit binary' (v2.0) puts them into the image, so the package ships without them`,
          at: script.toFileSpan(call.start, call.args[0]!.end),
        });
      }
    }
  },
});

function commits(call: ShellCommand): boolean {
  const [command, operation, mode] = call.args.map((arg) => arg.values[0]);
  return command === 'fim-commit' || (command === 'fim-layer' && operation === 'commit' && (mode === undefined || mode === 'binary'));
}

function sameImage(a: ShellCommand, b: ShellCommand): boolean {
  const normalise = (command: ShellCommand) => command.name.values.map((value) => value.replace(/^\.\//, '').replace('${SBUILD_OUTDIR}/', ''));
  const names = normalise(b);
  return normalise(a).some((value) => names.includes(value));
}

function imageName(call: ShellCommand): string {
  return `'${call.name.values[0] ?? call.name.raw}'`;
}
