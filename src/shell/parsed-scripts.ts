import type { Tree } from 'web-tree-sitter';
import type { Recipe } from '../recipe/recipe.js';
import { embeddedScripts, type EmbeddedScript } from '../recipe/scripts.js';
import { parseShell } from './parser.js';

export interface ParsedScript extends EmbeddedScript {
  tree: Tree;
}

const parsed = new WeakMap<Recipe, Promise<ParsedScript[]>>();

/**
 * The recipe's embedded scripts with their syntax trees, parsed once per recipe however many rules ask.
 * The trees live in WebAssembly memory and are freed when the recipe is disposed after linting.
 */
export function parsedScripts(recipe: Recipe): Promise<ParsedScript[]> {
  let scripts = parsed.get(recipe);
  if (!scripts) {
    scripts = Promise.all(embeddedScripts(recipe).map(async (script) => ({ ...script, tree: await parseShell(script.text) })));
    recipe.onDispose(async () => {
      for (const script of await scripts!) script.tree.delete();
    });
    parsed.set(recipe, scripts);
  }
  return scripts;
}
