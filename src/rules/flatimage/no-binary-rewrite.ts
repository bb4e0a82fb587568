import { defineRule } from '../../core/rule.js';
import { artifactFileNames, locate, refersToArtifact, type ArtifactNames } from '../../flatimage/artifact.js';
import { EFFECTS, makesNewContent, type Effect } from '../../flatimage/file-operations.js';
import { FORMAT_NAMES } from '../../flatimage/formats.js';
import { canonical, shippedFiles, type Place, type ShippedFiles } from '../../flatimage/image-identity.js';
import { imageFormat } from '../../flatimage/recipe-kind.js';
import { mayRewrite, rewritingUse, type RewritingUse } from '../../flatimage/rewriting-tools.js';
import { MAX_CALLS, MAX_INNER_SCRIPTS, MAX_NESTING, MAX_WALK_DEPTH, runCommands, runScriptText, type CutShort, type Redirect, type ScriptCommands } from '../../shell/commands.js';
import { mayHideWritesText, plainText, runScriptMayHideWrites } from '../../shell/hidden-writes.js';
import type { ParsedScript } from '../../shell/parsed-scripts.js';
import type { Recipe } from '../../recipe/recipe.js';
import type { Word } from '../../shell/words.js';

export default defineRule({
  id: 'flatimage/no-binary-rewrite',
  description: 'No strip, objcopy, upx, patchelf, in-place editor, truncate or raw append on a finished FlatImage, AppImage or other image file',
  severity: 'error',
  async check({ recipe, report }) {
    const format = await imageFormat(recipe);
    const run = runScriptText(recipe);
    if (!format || run === undefined) return;
    const plain = plainText(run);
    if (!mayRewrite(plain) && !(mayHideWritesText(plain) && (await runScriptMayHideWrites(recipe)))) return;
    const image = FORMAT_NAMES[format] ?? format;
    for (const { script, cutShort } of await runCommands(recipe, { deferContainers: true })) {
      if (!cutShort) continue;
      report({
        message: `${CUT_SHORT[cutShort.limit]}: what runs past that is not checked, and a rewrite of the ${image} there would go unseen. ${CUT_SHORT_ADVICE[cutShort.limit]}`,
        at: script.toFileSpan(cutShort.at, cutShort.at + 1),
      });
    }
    for (const { script, trace, uses, ships, names } of await scriptsThatWrite(recipe)) {
      const reported = new Set<string>();
      const imagePath = (index: number, word: Word, place: Place) => {
        const found = word.values.findIndex((value) => ships.ships(index, value, place));
        return found === -1 ? undefined : { path: word.values[found]!, written: word.written?.[found] ?? unquoted(word.raw) };
      };
      const once = (start: number, end: number) => !reported.has(`${start}:${end}`) && Boolean(reported.add(`${start}:${end}`));
      trace.forEach((step, index) => {
        if ('operator' in step) {
          // Any descriptor appends (`2>> IMG`, `exec 3>> IMG`); only standard output carries what a filter writes.
          const target = imagePath(index, step.target, step);
          if (!target) return;
          if (step.operator.endsWith('>>')) {
            if (!once(step.start, step.end)) return;
            report({
              message: `'${step.operator}' ${subject(target, image).replace(/^on/, 'to')}${calledFrom(step.calls)}: it ${EFFECTS.append}. Write the data to a separate file`,
              at: script.toFileSpan(step.start, step.end),
            });
          } else if (step.empties && !appendedLater(trace, index, step) && once(step.start, step.end)) {
            report({ message: emptiedBy(step, subject(target, image)), at: script.toFileSpan(step.start, step.end) });
          } else if (step.overwrites) {
            if (!once(step.start, step.end)) return;
            report({
              message: `'${step.operator}' writes output ${subject(target, image).replace(/^on/, 'into')}${calledFrom(step.calls)}, opened with '<>', which does not truncate: it overwrites the file's first bytes in place, corrupting the runtime. Write the data to a separate file`,
              at: script.toFileSpan(step.start, step.end),
            });
          } else if (step.changedBy) {
            const { program, start, end } = step.changedBy;
            const source = step.from?.flatMap((word) => word.values).find((path) => refersToArtifact(locate(path, step.cwd), step.cwdIsOutdir, names));
            if (source === undefined || !once(start, end)) return;
            report({
              message: `${program} writes a changed copy of the ${image} '${source}' into ${named(target)}, which ships in its place${calledFrom(step.calls)}: the copy is cut short or altered, losing or corrupting the filesystem after the runtime. Do not rewrite the finished image; change binaries before they go into it`,
              at: script.toFileSpan(start, end),
            });
          }
          return;
        }
        const use = uses[index];
        if (!use) return;
        for (const write of use.writes) {
          const target = imagePath(index, write.word, step);
          if (!target) continue;
          if (!once(step.start, step.end)) return;
          const wrapper = step.via.length > 0 ? ` (run through ${step.via.join(', ')})` : '';
          report({
            message: `${use.tool}${wrapper} ${subject(target, image)}${calledFrom(step.calls)}: it ${write.description}. ${advice(use, write.effect)}`,
            at: script.toFileSpan(step.start, step.end),
          });
          return;
        }
      });
    }
  },
});

/** `1,000`: with commas, as `toLocaleString('en-US')` writes it, which loads locale data that costs a run 15 ms at start. */
const count = (limit: number) => String(limit).replace(/\B(?=(\d{3})+$)/g, ',');

/** What a limit of the analysis stopped at, for the message. */
const CUT_SHORT: Record<CutShort['limit'], string> = {
  depth: `The script nests more than ${count(MAX_WALK_DEPTH)} levels deep here (conditions, loops, subshells, substitutions inside one another)`,
  nesting: `Scripts and function calls nest more than ${count(MAX_NESTING)} levels deep here (bash -c, eval, source, aliases, functions calling functions)`,
  scripts: `The script runs more than ${count(MAX_INNER_SCRIPTS)} scripts inside it by here (bash -c, eval, source, aliases, scripts it writes)`,
  calls: `The script makes more than ${count(MAX_CALLS)} function calls by here`,
  parse: 'A script run here (bash -c, eval, source, an alias) took too long to parse',
};
const CUT_SHORT_ADVICE: Record<CutShort['limit'], string> = {
  depth: 'Flatten the script',
  nesting: 'Flatten the script',
  scripts: 'Run fewer scripts through eval, bash -c and the like',
  calls: 'Call fewer functions',
  parse: 'Simplify that script',
};

/** A `run` script that rewrites or appends to some file: its commands in the order they run, with what ships after each. */
interface WritingScript {
  script: ParsedScript;
  trace: ScriptCommands['trace'];
  /** For each step of the trace, the files it rewrites. */
  uses: (RewritingUse | undefined)[];
  ships: ShippedFiles;
  names: ArtifactNames;
}

/**
 * The `run` scripts that rewrite or append to files. The scripts that containers run are walked only when a container
 * can write where the image, or a file that becomes it, is at that point: the corpus's build containers mount only a
 * scratch directory, and their scripts were most of the analysis's cost.
 */
async function scriptsThatWrite(recipe: Recipe): Promise<WritingScript[]> {
  // What ships is followed through moves and copies here, not guessed from downloads.
  const names: ArtifactNames = { names: artifactFileNames(recipe), downloads: new Set() };
  const writing: WritingScript[] = [];
  for (const [position, analysis] of (await runCommands(recipe, { deferContainers: true })).entries()) {
    let { trace } = analysis;
    let ships: ShippedFiles | undefined;
    if (analysis.deferred.length > 0) {
      ships = shippedFiles(trace, names);
      const shipped = ships;
      if (analysis.deferred.some(({ index, container }) => container.mounts.some((mount) => shipped.mayShipUnder(index, mount.host)))) {
        trace = (await runCommands(recipe))[position]!.trace;
        ships = undefined;
      }
    }
    const uses = trace.map((step) => ('operator' in step || step.runsFunction ? undefined : rewritingUse(step)));
    if (!uses.some(Boolean) && !trace.some((step) => 'operator' in step && (step.operator.endsWith('>>') || step.empties || step.changedBy || step.overwrites))) continue;
    writing.push({ script: analysis.script, trace, uses, ships: ships ?? shippedFiles(trace, names), names });
  }
  return writing;
}

/**
 * `on the FlatImage './${PKG}'`, `on '${SBUILD_OUTDIR}/*', which includes the FlatImage` for a glob, and the host path
 * after a path inside a container.
 */
function subject(target: { path: string; written: string }, image: string): string {
  return /[*?[]/.test(target.path) ? `on ${named(target)}, which includes the ${image}` : `on the ${image} ${named(target)}`;
}

/** The operand as written, and what it stands for when that differs (`"$IMG"`, a path inside a container). */
function named({ path, written }: { path: string; written: string }): string {
  const shown = /[*?[]/.test(path) || written.includes('{}') || written === '' ? path : written;
  const value = shown !== path && normalised(shown) !== normalised(path) ? ` (${shown.startsWith('/') ? 'mounted from' : 'that is'} '${path}')` : '';
  return `'${shown}'${value}`;
}

/** The message for a redirection that empties the image; `on` is its `subject`. */
function emptiedBy(step: Redirect, on: string): string {
  const called = calledFrom(step.calls);
  if (step.descriptor) {
    return `'${step.descriptor}${step.operator}' ${on.replace(/^on/, 'empties')} as it opens it for descriptor ${step.descriptor}${called}: the file is cut to nothing before anything is written through it, so the package ships neither runtime nor filesystem. Send descriptor ${step.descriptor} to another file`;
  }
  // With `from`, the command reads the file it writes (`cat IMG > IMG`), which the shell emptied first.
  if (step.from) {
    return `'${step.operator}' ${on.replace(/^on/, 'empties')} before the command reads it${called}: the command then reads nothing and writes nothing, so the package ships neither runtime nor filesystem. Write to another file and move that over the image`;
  }
  return `'${step.operator}' with no output ${on.replace(/^on/, 'writes nothing to')}${called}: it empties the file, so the package ships neither runtime nor filesystem. Remove the redirection`;
}

/** Whether a later step appends to the file a redirection writes: `: > IMG` then `cat part >> IMG` builds it up. */
function appendedLater(trace: ScriptCommands['trace'], index: number, emptying: Redirect): boolean {
  const emptied = new Set(emptying.target.values.map((value) => canonical(value, emptying)));
  return trace.slice(index + 1).some((step) => 'operator' in step && step.operator.endsWith('>>') && step.target.values.some((value) => emptied.has(canonical(value, step))));
}

function advice(use: RewritingUse, effect: Effect): string {
  return use.operation.advice ?? (effect === 'empty' ? 'Remove the command' : 'Do not rewrite the finished image; change binaries before they go into it');
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
