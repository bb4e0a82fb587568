import type { Tree } from 'web-tree-sitter';
import type { Recipe } from '../recipe/recipe.js';
import { embeddedScripts, type EmbeddedScript } from '../recipe/scripts.js';
import { parseShell } from './parser.js';
import { joinedContinuations } from './continuations.js';
import { perRecipe } from '../recipe/per-recipe.js';

export interface ParsedScript extends EmbeddedScript {
  tree: Tree;
}

export interface RecipeScripts {
  parsed: ParsedScript[];
  /** Scripts given up because parsing them took longer than the time limit: nothing in them is checked. */
  tooSlow: EmbeddedScript[];
}

/**
 * The recipe's embedded scripts with their syntax trees, parsed once per recipe however many rules ask.
 * The trees live in WebAssembly memory and are freed when the recipe is disposed after linting.
 */
export const recipeScripts = perRecipe(function recipeScripts(recipe): Promise<RecipeScripts> {
  const scripts = parseAll(embeddedScripts(recipe));
  recipe.onDispose(async () => {
    for (const script of (await scripts).parsed) script.tree.delete();
  });
  return scripts;
});

/** The recipe's scripts that could be parsed, with their syntax trees. */
export async function parsedScripts(recipe: Recipe): Promise<ParsedScript[]> {
  return (await recipeScripts(recipe)).parsed;
}

/** A recipe's scripts are asked for together, so that they are parsed in one batch. */
async function parseAll(scripts: readonly EmbeddedScript[]): Promise<RecipeScripts> {
  const parsed = await Promise.all(scripts.map(parseJoined));
  const result: RecipeScripts = { parsed: [], tooSlow: [] };
  scripts.forEach((script, index) => {
    const parsedScript = parsed[index];
    if (parsedScript) result.parsed.push(parsedScript);
    else result.tooSlow.push(script);
  });
  return result;
}

/**
 * A script parsed as the shell reads it: with continuations inside words joined (see `joinedContinuations`), its text,
 * tree and offsets are those of the joined script, mapped back to the file through the script's own offsets.
 */
async function parseJoined(script: EmbeddedScript): Promise<ParsedScript | undefined> {
  const tree = await parseShell(script.text);
  const joined = tree && joinedContinuations(script.text, tree);
  if (!joined) return tree && { ...script, tree };
  tree.delete();
  const joinedTree = await parseShell(joined.text);
  if (!joinedTree) return undefined;
  const toFileOffset = (offset: number) => script.toFileOffset(joined.original(offset));
  const toFileSpan = (start: number, end: number) => script.toFileSpan(joined.original(start), end > start ? joined.original(end - 1) + 1 : joined.original(end));
  return { ...script, text: joined.text, tree: joinedTree, toFileOffset, toFileSpan };
}
