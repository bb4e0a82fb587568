import { defineRule } from '../../core/rule.js';
import { artifactNames, refersToArtifact, type ArtifactNames } from '../../flatimage/artifact.js';
import { FORMAT_NAMES } from '../../flatimage/formats.js';
import { imageFormat } from '../../flatimage/recipe-kind.js';
import { EFFECTS } from '../../flatimage/file-operations.js';
import { mayRewrite, rewritingUse } from '../../flatimage/rewriting-tools.js';
import { runCommands, runScriptMentions } from '../../shell/commands.js';
import type { Word } from '../../shell/words.js';

export default defineRule({
  id: 'flatimage/no-binary-rewrite',
  description: 'No strip, objcopy, upx, patchelf, in-place editor, truncate or raw append on a finished FlatImage, AppImage or other image file',
  severity: 'error',
  async check({ recipe, report }) {
    if (!runScriptMentions(recipe, mayRewrite)) return;
    const format = await imageFormat(recipe);
    if (!format) return;
    const image = FORMAT_NAMES[format] ?? format;
    for (const { script, commands, redirects } of await runCommands(recipe)) {
      const names = artifactNames(recipe, commands);
      for (const command of commands) {
        const use = rewritingUse(command);
        if (!use) continue;
        for (const write of use.writes) {
          const path = imagePath(write.word, command.cwdIsOutdir, names);
          if (path === undefined) continue;
          const wrapper = command.via.length > 0 ? ` (run through ${command.via.join(', ')})` : '';
          report({
            message: `${use.tool}${wrapper} ${subject(path, image)}: it ${write.description}. Do not rewrite the finished image; change binaries before they go into it`,
            at: script.toFileSpan(command.start, command.end),
          });
          break;
        }
      }
      for (const redirect of redirects) {
        if (redirect.operator !== '>>' && redirect.operator !== '&>>') continue;
        const path = imagePath(redirect.target, redirect.cwdIsOutdir, names);
        if (path === undefined) continue;
        report({
          message: `'${redirect.operator}' ${subject(path, image).replace(/^on/, 'to')}: it ${EFFECTS.append}. Write the data to a separate file`,
          at: script.toFileSpan(redirect.start, redirect.end),
        });
      }
    }
  },
});

/** The value of a word that names the image, as the script spells it once quotes are removed. */
function imagePath(word: Word, cwdIsOutdir: boolean, names: ArtifactNames): string | undefined {
  return word.values.find((value) => refersToArtifact(value, cwdIsOutdir, names));
}

/** `on the FlatImage './${PKG}'`, or `on '${SBUILD_OUTDIR}/*', which includes the FlatImage` for a glob. */
function subject(path: string, image: string): string {
  return /[*?[]/.test(path) ? `on '${path}', which includes the ${image}` : `on the ${image} '${path}'`;
}
