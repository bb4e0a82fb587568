import { basename } from 'node:path';
import { isScalar, type Scalar } from 'yaml';
import type { Recipe, Span } from '../recipe/recipe.js';
import { runCommands, runScriptMentions, type ShellCommand } from '../shell/commands.js';
import { programName } from '../shell/wrappers.js';
import { isImageFormat, PKG_TYPES } from './formats.js';

/** The recipe's `pkg_type` as written, and in lower case when it is a string. */
export interface DeclaredType {
  node: Scalar | undefined;
  /** The string as written; undefined when the key is missing or the value is not a string. */
  value: string | undefined;
  lower: string | undefined;
}

export function declaredType(recipe: Recipe): DeclaredType {
  const node = recipe.node(['pkg_type']);
  const value = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  return { node: isScalar(node) ? node : undefined, value, lower: value?.trim().toLowerCase() || undefined };
}

/** The `pkg_type` soarpkgs puts first in a recipe's file name (`flatimage.official.stable.yaml`). */
export function fileNameType(path: string): string | undefined {
  const first = basename(path).split('.')[0]!.toLowerCase();
  return (PKG_TYPES as readonly string[]).includes(first) ? first : undefined;
}

/** One reason to think the recipe builds a FlatImage, with where it was seen. */
export interface Evidence {
  reason: string;
  at?: Span;
}

const FETCHERS = new Set(['curl', 'wget', 'aria2c', 'soar', 'eget', 'gh', 'cp', 'mv', 'rsync', 'install', 'ln']);

/** True when a command runs a FlatImage: a path or variable (not a program on the PATH) given a `fim-*` first argument. */
export function isImageInvocation(command: ShellCommand): boolean {
  const name = command.name.values[0] ?? '';
  const first = command.args[0]?.values[0] ?? '';
  return /^fim-[a-z]/.test(first) && (name.includes('/') || name.startsWith('$') || /\.flatimage$/i.test(name));
}

/** What makes the recipe evidently a FlatImage besides its `pkg_type`: its file name and its `run` script. */
export async function flatImageEvidence(recipe: Recipe): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  if (fileNameType(recipe.path) === 'flatimage') evidence.push({ reason: `the file name ${basename(recipe.path)} says flatimage` });
  if (!runScriptMentions(recipe, /fim-|flatimage/i)) return evidence;
  for (const { script, commands, redirects } of await runCommands(recipe)) {
    const where = (start: number, end: number) => script.toFileSpan(start, end);
    const invocation = commands.find(isImageInvocation);
    if (invocation) {
      evidence.push({ reason: `the run script calls ${invocation.args[0]!.values[0]} on the image`, at: where(invocation.start, invocation.end) });
    }
    const fetch = commands.find((command) => FETCHERS.has(programName(command.name)) && command.args.some(namesFlatImage));
    if (fetch) evidence.push({ reason: `the run script downloads or copies a .flatimage file (${programName(fetch.name)})`, at: where(fetch.start, fetch.end) });
    const written = redirects.find((redirect) => redirect.target.values.some((value) => /\.flatimage$/i.test(value)));
    if (written && !fetch) evidence.push({ reason: 'the run script writes a .flatimage file', at: where(written.start, written.end) });
  }
  return evidence;
}

function namesFlatImage(word: { values: string[] }): boolean {
  return word.values.some((value) => /\.flatimage$/i.test(value) || value.toLowerCase() === 'flatimage');
}

/**
 * The image format the recipe builds, or undefined for static/dynamic binaries and unknown types: the declared
 * `pkg_type`, else the one its file name gives, else `flatimage` when the script shows it.
 */
export async function imageFormat(recipe: Recipe): Promise<string | undefined> {
  const declared = declaredType(recipe).lower;
  if (declared !== undefined) return isImageFormat(declared) ? declared : undefined;
  const fromName = fileNameType(recipe.path);
  if (fromName !== undefined) return isImageFormat(fromName) ? fromName : undefined;
  return (await flatImageEvidence(recipe)).length > 0 ? 'flatimage' : undefined;
}

/** True when the recipe is a FlatImage recipe: `pkg_type` says so in any case, or it has none and the evidence does. */
export async function isFlatImageRecipe(recipe: Recipe): Promise<boolean> {
  const declared = declaredType(recipe).lower;
  if (declared !== undefined) return declared === 'flatimage';
  return (await flatImageEvidence(recipe)).length > 0;
}
