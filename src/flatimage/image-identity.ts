import type { Redirect, ShellCommand } from '../shell/commands.js';
import { fileKey, type Place } from '../shell/paths.js';
import { CONTAINER_ROOT, programName } from '../shell/wrappers.js';
import { locate, normalise, refersToArtifact, type ArtifactNames } from './artifact.js';
import { fileOperation, makesNewContent, type FileWrite } from './file-operations.js';

type Step = ShellCommand | Redirect;

export type { Place };

/** Which files hold what the recipe ships, after one step of the script. */
interface Shipping {
  /** Files whose content is moved or copied onto the artifact later (`cp IMG tmp; strip tmp; mv tmp IMG`). */
  becomes: ReadonlySet<string>;
  /** Artifact files whose content is replaced later (`cp IMG backup; strip IMG; mv backup IMG`), so it never ships. */
  replaced: ReadonlySet<string>;
}

const NOTHING: Shipping = { becomes: new Set(), replaced: new Set() };

export interface ShippedFiles {
  /** Whether what the file holds right after step `index` is what the recipe ships. */
  ships(index: number, path: string, place: Place): boolean;
  /**
   * Whether a file under a host directory may hold what ships right after step `index`, by its name or because it is
   * moved, copied or linked onto the artifact later. When not, a container that can write only there cannot reach it.
   */
  mayShipUnder(index: number, directory: string): boolean;
}

/**
 * Follows the image through `mv`, `cp`, `install`, `rsync`, `ln` and redirections, from the end of the script back. A
 * copy that is never moved back does not ship; a file moved or copied onto the artifact later does.
 */
export function shippedFiles(trace: readonly Step[], names: ArtifactNames): ShippedFiles {
  const after: Shipping[] = new Array<Shipping>(trace.length);
  const links = new Map<string, { index: number; target: string; place: Place }>();
  let current = NOTHING;
  const ships = (state: Shipping, path: string, place: Place) => {
    const key = canonical(path, place);
    if (state.becomes.has(key)) return true;
    if (state.replaced.has(key)) return false;
    return refersToArtifact(locate(path, place.cwd), place.cwdIsOutdir, names);
  };
  for (let index = trace.length - 1; index >= 0; index--) {
    after[index] = current;
    for (const write of replacements(trace[index]!)) current = throughReplacement(current, write, trace[index]!, ships);
  }
  trace.forEach((step, index) => {
    if ('operator' in step || programName(step.name) !== 'ln') return;
    for (const write of replacements(step)) {
      const target = write.from[0]?.values[0];
      if (target === undefined || write.from.length !== 1) continue;
      for (const link of destinations(write, target)) links.set(canonical(link, step), { index, target, place: step });
    }
  });
  return {
    ships(index, path, place) {
      const state = after[index] ?? NOTHING;
      if (ships(state, path, place)) return true;
      // A link made earlier writes through to its target.
      const link = links.get(canonical(path, place));
      return link !== undefined && link.index < index && ships(state, link.target, link.place);
    },
    mayShipUnder(index, directory) {
      const root = normalise(`${directory}/`);
      // By name, only the output directory holds the artifact: nothing under the build's temporary directory or
      // another absolute path does (refersToArtifact).
      if (!root.includes('${SBUILD_TMPDIR}') && !root.startsWith('/')) return true;
      const under = (key: string) => `${key}/`.startsWith(root) || key.includes(CONTAINER_ROOT);
      const state = after[index] ?? NOTHING;
      return [...state.becomes, ...links.keys(), ...[...names.downloads].map((path) => canonical(path, { cwdIsOutdir: true }))].some(under);
    },
  };
}

/** The writes of a step that give a file new content taken from other files (or from nothing, as `>` does). */
function replacements(step: Step): FileWrite[] {
  // `cat copy > IMG` gives the image the copy's content; a `>` of anything else, content from nowhere that ships.
  // Under `set -C`, `>` leaves a file that exists as it was.
  if ('operator' in step) return (step.operator === '>' && !step.refusedIfExists) || step.operator === '>|' ? [{ word: step.target, effect: 'replace', from: step.from ?? [] }] : [];
  if (step.runsFunction) return [];
  const operation = fileOperation(programName(step.name), step.args);
  if (!operation) return [];
  return operation.writes.filter(makesNewContent);
}

function throughReplacement(state: Shipping, write: FileWrite, place: Place, ships: (state: Shipping, path: string, place: Place) => boolean): Shipping {
  const becomes = new Set(state.becomes);
  const replaced = new Set(state.replaced);
  const sources = write.from.length > 0 ? write.from : [undefined];
  for (const source of sources) {
    const sourcePath = source?.values.length === 1 ? source.values[0] : undefined;
    for (const destination of destinations(write, sourcePath)) {
      const shipped = ships(state, destination, place);
      const key = canonical(destination, place);
      // Before this step the destination's content is not what ships: it is replaced here (a certain path only).
      if (write.word.values.length === 1) {
        becomes.delete(key);
        replaced.add(key);
      }
      if (shipped && sourcePath !== undefined && !/[*?[]/.test(sourcePath)) {
        const sourceKey = canonical(sourcePath, place);
        becomes.add(sourceKey);
        replaced.delete(sourceKey);
      }
    }
  }
  return { becomes, replaced };
}

/** The files a write creates: the destination, or the source's name inside it for `cp a b dir/`. */
function destinations(write: FileWrite, source: string | undefined): string[] {
  const values = write.word.values;
  if (!write.intoDirectory) return values;
  if (source === undefined) return [];
  const name = source.slice(source.lastIndexOf('/') + 1);
  return values.map((directory) => `${directory.replace(/\/+$/, '')}/${name}`);
}

/** One spelling per file, with the builder's variables spelt one way: `./${PKG}`, `${PKG}` and `${pkg}` are one. */
export function canonical(path: string, place: Place): string {
  return fileKey(normalise(path), place);
}

