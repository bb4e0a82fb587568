import { defineRule } from '../../core/rule.js';
import { FORMAT_NAMES } from '../../flatimage/formats.js';
import { declaredType, imageFormat } from '../../flatimage/recipe-kind.js';
import type { Recipe } from '../../recipe/recipe.js';
import { runCommands, runScriptMentions } from '../../shell/commands.js';

/** Formats installed as desktop applications (self-extracting archives and onelf mostly carry command-line tools). */
const DESKTOP_FORMATS = new Set(['appbundle', 'appimage', 'flatimage', 'gameimage', 'nixappimage', 'runimage']);

export default defineRule({
  id: 'flatimage/desktop-metadata',
  description: 'Image packages declare desktop, icon and app_id for desktop integration',
  severity: 'warning',
  async check({ recipe, report }) {
    const format = await imageFormat(recipe);
    const fields = recipe.fields;
    if (!format || !DESKTOP_FORMATS.has(format) || !fields) return;
    const categories = Array.isArray(fields.category) ? fields.category : [];
    if (categories.some((category) => category === 'ConsoleOnly')) return;

    const missing: string[] = [];
    if (isEmpty(fields.desktop) && !(await scriptNamesFile(recipe, DESKTOP_FILE))) missing.push('desktop');
    if (isEmpty(fields.icon) && !(await scriptNamesFile(recipe, ICON_FILE))) missing.push('icon');
    if (isEmpty(fields.app_id)) missing.push('app_id');
    if (missing.length === 0) return;

    // pkgforge's builder extracts the desktop entry and icon of an AppImage from the file itself, but has no such step for FlatImages.
    const severity = format === 'flatimage' ? 'warning' : 'info';
    const name = FORMAT_NAMES[format] ?? format;
    const declared = declaredType(recipe).node;
    report({
      message: `${name} package without ${list(missing)}: desktop integration needs a .desktop entry, an icon and an AppStream app_id; declare them, or write \${PKG}.desktop and \${PKG}.png in the run script`,
      severity,
      at: declared?.range ? declared : recipe.keySpan(['pkg']),
    });
  },
});

const DESKTOP_FILE = { mention: /\.desktop/i, name: /\.desktop$/i };
const ICON_FILE = { mention: /\.(png|svg|xpm|DirIcon)/i, name: /\.(png|svg|xpm|DirIcon)$/i };

/** Whether a command argument or redirection of the run script names such a file (the script makes it itself). */
async function scriptNamesFile(recipe: Recipe, { mention, name: file }: { mention: RegExp; name: RegExp }): Promise<boolean> {
  if (!runScriptMentions(recipe, mention)) return false;
  return (await runCommands(recipe)).some(
    ({ commands, redirects }) =>
      commands.some((command) => command.args.some((arg) => arg.values.some((value) => file.test(value)))) ||
      redirects.some((redirect) => redirect.target.values.some((value) => file.test(value))),
  );
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);
}

function list(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
