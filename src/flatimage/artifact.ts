import type { Recipe } from '../recipe/recipe.js';
import type { Word } from '../shell/words.js';
import { ELSEWHERE, isRooted, joinPath } from '../shell/paths.js';
import { CONTAINER_ROOT } from '../shell/wrappers.js';
import { IMAGE_EXTENSIONS } from './formats.js';

/** What the recipe produces, for telling the artifact from helper files. */
export interface ArtifactNames {
  /** File names the artifact may have in `${SBUILD_OUTDIR}`: `pkg`, `pkg.<pkg_type>`, the `provides` names. */
  names: string[];
  /** Paths the script downloads and then moves or copies onto the artifact. */
  downloads: Set<string>;
}

/** The file names the artifact may have in `${SBUILD_OUTDIR}`: `pkg`, `pkg.<pkg_type>`, the `provides` names. */
export function artifactFileNames(recipe: Recipe): string[] {
  const fields = recipe.fields ?? {};
  const pkg = typeof fields.pkg === 'string' ? fields.pkg : undefined;
  const pkgType = typeof fields.pkg_type === 'string' ? fields.pkg_type.toLowerCase() : undefined;
  const provides = Array.isArray(fields.provides) ? fields.provides.filter((item): item is string => typeof item === 'string') : [];
  return [pkg, pkg && pkgType ? `${pkg}.${pkgType}` : undefined, ...provides.map((item) => item.split(/[:=>]/)[0]!.trim())].filter(
    (name): name is string => Boolean(name),
  );
}

export function wordRefersToArtifact(word: Word, cwdIsOutdir: boolean, context: ArtifactNames): boolean {
  return word.values.some((value) => refersToArtifact(value, cwdIsOutdir, context));
}

/**
 * Whether a path (variables left as `${NAME}`) names the artifact: `${PKG}`/`${SBUILD_PKG}` or a file with an image
 * extension, written bare, `./file` or `${SBUILD_OUTDIR}/file`; a download that becomes the artifact; or a file in the
 * output directory named as the builder looks for the artifact (`pkg`, `pkg.<pkg_type>`, a `provides` name). Anything
 * under `${SBUILD_TMPDIR}` or in another directory is not the artifact.
 */
export function refersToArtifact(path: string, cwdIsOutdir: boolean, context: ArtifactNames): boolean {
  if (context.downloads.has(path)) return true;
  const value = normalise(path);
  if (value.includes('${SBUILD_TMPDIR}') || value.includes(CONTAINER_ROOT) || value === '' || value.endsWith('/')) return false;
  const slash = value.lastIndexOf('/');
  const directory = slash === -1 ? undefined : value.slice(0, slash);
  const name = value.slice(slash + 1);
  const relative = directory === undefined || directory === '.';
  // A file in another directory (`/tmp/${PKG}`, `${EXTERNAL}/${PKG}`, `$(mktemp -d)/x.AppImage`) is not what ships,
  // unless the script moves or copies it onto the artifact, which image-identity follows.
  if (!relative && directory !== '${SBUILD_OUTDIR}') return false;
  if (name === '${PKG}' || name === '${SBUILD_PKG}' || hasImageExtension(name)) return true;

  const inOutdir = directory === '${SBUILD_OUTDIR}' || cwdIsOutdir;
  if (!inOutdir) return false;
  const candidates = context.names.length > 0 ? context.names : ['${PKG}'];
  if (isGlob(name)) return candidates.some((candidate) => globMatches(name, candidate));
  return candidates.includes(name);
}

/**
 * A path as the script names it from the working directory `cwd` (undefined: the output directory, or a directory not
 * known): a relative path is put under `cwd`, with `.` and `..` worked out; `${ELSEWHERE}/path` when that goes above
 * what is known of `cwd`.
 */
export function locate(path: string, cwd: string | undefined): string {
  if (cwd === undefined || isRooted(path)) return path;
  return joinPath(cwd, path) ?? `${ELSEWHERE}/${path}`;
}

/** A path with the builder's variables spelt one way and `./`, `/./` and `//` tidied. */
export function normalise(path: string): string {
  return path
    .replace(/\$\{(pkg|PKG)\}/g, '${PKG}')
    .replace(/\$\{(PWD|SBUILD_OUTDIR)\}/g, '${SBUILD_OUTDIR}')
    .replace(/^(\.\/)+/, './')
    .replace(/\/\.\//g, '/')
    .replace(/\/{2,}/g, '/');
}

function hasImageExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function isGlob(name: string): boolean {
  return /[*?[]/.test(name);
}

/** Shell glob matching for one path segment (`*`, `?`, `[…]`); `${PKG}` in the pattern matches the package name. */
export function globMatches(pattern: string, name: string): boolean {
  // `!(a|b)`, as `find ! -name` lists: any name but those.
  const except = /^!\((.*)\)$/.exec(pattern);
  if (except) return !except[1]!.split('|').some((alternative) => globMatches(alternative, name));
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index]!;
    if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else if (character === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else if (pattern.startsWith('${PKG}', index)) {
      source += '.+';
      index += '${PKG}'.length - 1;
    } else source += character.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}$`).test(name);
  } catch {
    return false;
  }
}
