import { defineRule } from '../../core/rule.js';
import { artifactNames, wordRefersToArtifact } from '../../flatimage/artifact.js';
import { FORMAT_NAMES } from '../../flatimage/formats.js';
import { imageFormat } from '../../flatimage/recipe-kind.js';
import { REWRITING_HINT, rewritingUse } from '../../flatimage/rewriting-tools.js';
import { runCommands, runScriptMentions } from '../../shell/commands.js';
import type { Word } from '../../shell/words.js';

export default defineRule({
  id: 'flatimage/no-binary-rewrite',
  description: 'No strip, objcopy, upx, patchelf, truncate or raw append on a finished FlatImage, AppImage or other image file',
  severity: 'error',
  async check({ recipe, report }) {
    if (!runScriptMentions(recipe, REWRITING_HINT)) return;
    const format = await imageFormat(recipe);
    if (!format) return;
    const image = FORMAT_NAMES[format] ?? format;
    for (const { script, commands, redirects } of await runCommands(recipe)) {
      const names = artifactNames(recipe, commands);
      const isArtifact = (word: Word, cwdIsOutdir: boolean) => wordRefersToArtifact(word, cwdIsOutdir, names);
      for (const command of commands) {
        const use = rewritingUse(command);
        const target = use?.operands.find((operand) => isArtifact(operand, command.cwdIsOutdir));
        if (!use || !target) continue;
        const wrapper = command.via.length > 0 ? ` (run through ${command.via.join(', ')})` : '';
        report({
          message: `${use.tool}${wrapper} ${subject(target, image)}: it ${use.effect}. Do not rewrite the finished image; change binaries before they go into it`,
          at: script.toFileSpan(command.start, command.end),
        });
      }
      for (const redirect of redirects) {
        if (redirect.operator !== '>>' || !isArtifact(redirect.target, redirect.cwdIsOutdir)) continue;
        report({
          message: `'>>' ${subject(redirect.target, image).replace(/^on/, 'to')}: it appends raw bytes after the filesystem, which the runtime then reads as a broken layer. Write the data to a separate file`,
          at: script.toFileSpan(redirect.start, redirect.end),
        });
      }
    }
  },
});

/** `on the FlatImage './${PKG}'`, or `on '${SBUILD_OUTDIR}/*', which includes the FlatImage` for a glob. */
function subject(word: Word, image: string): string {
  const path = word.values.find((value) => /[*?[]/.test(value)) ?? word.values[0] ?? word.raw;
  return /[*?[]/.test(path) ? `on '${path}', which includes the ${image}` : `on the ${image} '${path}'`;
}
