import type { Tree } from 'web-tree-sitter';
import type { Recipe } from '../recipe/recipe.js';
import { embeddedScripts, type EmbeddedScript } from '../recipe/scripts.js';
import { parseShell } from './parser.js';

export interface ParsedScript extends EmbeddedScript {
  tree: Tree;
}

export interface RecipeScripts {
  parsed: ParsedScript[];
  /** Scripts given up because parsing them took longer than the time limit: nothing in them is checked. */
  tooSlow: EmbeddedScript[];
}

const cache = new WeakMap<Recipe, Promise<RecipeScripts>>();

/**
 * The recipe's embedded scripts with their syntax trees, parsed once per recipe however many rules ask.
 * The trees live in WebAssembly memory and are freed when the recipe is disposed after linting.
 */
export function recipeScripts(recipe: Recipe): Promise<RecipeScripts> {
  let scripts = cache.get(recipe);
  if (!scripts) {
    scripts = parseAll(embeddedScripts(recipe));
    recipe.onDispose(async () => {
      for (const script of (await scripts!).parsed) script.tree.delete();
    });
    cache.set(recipe, scripts);
  }
  return scripts;
}

/** The recipe's scripts that could be parsed, with their syntax trees. */
export async function parsedScripts(recipe: Recipe): Promise<ParsedScript[]> {
  return (await recipeScripts(recipe)).parsed;
}

async function parseAll(scripts: EmbeddedScript[]): Promise<RecipeScripts> {
  const result: RecipeScripts = { parsed: [], tooSlow: [] };
  for (const script of scripts) {
    const tree = await parseShell(script.text);
    if (tree) result.parsed.push({ ...script, tree });
    else result.tooSlow.push(script);
  }
  return result;
}
