import { defineRule } from '../../core/rule.js';
import { artifactNames } from '../../flatimage/artifact.js';
import { EFFECTS } from '../../flatimage/file-operations.js';
import { FORMAT_NAMES } from '../../flatimage/formats.js';
import { shippedFiles } from '../../flatimage/image-identity.js';
import { imageFormat } from '../../flatimage/recipe-kind.js';
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
    for (const { script, commands, trace } of await runCommands(recipe)) {
      const uses = trace.map((step) => ('operator' in step ? undefined : rewritingUse(step)));
      if (!uses.some(Boolean) && !trace.some((step) => 'operator' in step && step.operator.endsWith('>>'))) continue;
      // What ships is followed through moves and copies here, not guessed from downloads.
      const ships = shippedFiles(trace, { names: artifactNames(recipe, commands).names, downloads: new Set() });
      const reported = new Set<string>();
      const imagePath = (index: number, word: Word, cwdIsOutdir: boolean) => {
        const found = word.values.findIndex((value) => ships(index, value, cwdIsOutdir));
        return found === -1 ? undefined : { path: word.values[found]!, written: word.written?.[found] ?? unquoted(word.raw) };
      };
      const once = (start: number, end: number) => !reported.has(`${start}:${end}`) && Boolean(reported.add(`${start}:${end}`));
      trace.forEach((step, index) => {
        if ('operator' in step) {
          if (step.operator !== '>>' && step.operator !== '&>>') return;
          const target = imagePath(index, step.target, step.cwdIsOutdir);
          if (!target || !once(step.start, step.end)) return;
          report({
            message: `'${step.operator}' ${subject(target, image).replace(/^on/, 'to')}${calledFrom(step.calls)}: it ${EFFECTS.append}. Write the data to a separate file`,
            at: script.toFileSpan(step.start, step.end),
          });
          return;
        }
        const use = uses[index];
        if (!use) return;
        for (const write of use.writes) {
          const target = imagePath(index, write.word, step.cwdIsOutdir);
          if (!target) continue;
          if (!once(step.start, step.end)) return;
          const wrapper = step.via.length > 0 ? ` (run through ${step.via.join(', ')})` : '';
          report({
            message: `${use.tool}${wrapper} ${subject(target, image)}${calledFrom(step.calls)}: it ${write.description}. Do not rewrite the finished image; change binaries before they go into it`,
            at: script.toFileSpan(step.start, step.end),
          });
          return;
        }
      });
    }
  },
});

/**
 * `on the FlatImage './${PKG}'`, `on '${SBUILD_OUTDIR}/*', which includes the FlatImage` for a glob, and the host path
 * after a path inside a container.
 */
function subject({ path, written }: { path: string; written: string }, image: string): string {
  // The operand as written, and what it stands for when that differs (`"$IMG"`, a path inside a container).
  const shown = /[*?[]/.test(path) || written.includes('{}') || written === '' ? path : written;
  const value = shown !== path && normalised(shown) !== normalised(path) ? ` (${shown.startsWith('/') ? 'mounted from' : 'that is'} '${path}')` : '';
  return /[*?[]/.test(path) ? `on '${shown}'${value}, which includes the ${image}` : `on the ${image} '${shown}'${value}`;
}

function unquoted(raw: string): string {
  return /^(["']).*\1$/s.test(raw) && !raw.slice(1, -1).includes(raw[0]!) ? raw.slice(1, -1) : raw;
}

function normalised(path: string): string {
  return path.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '${$1}');
}

function calledFrom(calls: string[] | undefined): string {
  return calls && calls.length > 0 ? `, passed to ${calls.join(' → ')}()` : '';
}
