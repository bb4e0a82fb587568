import { defineRule } from '../../core/rule.js';
import { declaredType, imageFormat } from '../../flatimage/recipe-kind.js';
import type { Recipe } from '../../recipe/recipe.js';
import { runCommands, runScriptMentions } from '../../shell/commands.js';
import { includes } from '../../sbuild/builder-release.js';

export default defineRule({
  id: 'flatimage/desktop-metadata',
  description: 'FlatImage packages bring their own desktop file and icon, which the builder neither extracts nor replaces',
  severity: 'warning',
  async check({ recipe, report, settings }) {
    // The builder extracts an AppImage's (and since 2026-06 an onelf's) own desktop file and icon, and gives other
    // unrecognised files a generic pair; a FlatImage is taken for a static ELF and gets neither (builder-truth §5).
    if ((await imageFormat(recipe)) !== 'flatimage') return;
    const fields = recipe.fields;
    if (!fields) return;
    const categories = Array.isArray(fields.category) ? fields.category : [];
    if (categories.some((category) => category === 'ConsoleOnly')) return;

    const { target } = settings;
    // Until 2f1f48e (2026-02-17) the builder fetched the `desktop` and `icon` fields; since, it drops them.
    const fieldsCount = !includes(target, 'unknownDesktopIcon');
    const missing: string[] = [];
    if (!(fieldsCount && !isEmpty(fields.desktop)) && !(await scriptNamesFile(recipe, DESKTOP_FILE))) missing.push('desktop file');
    if (!(fieldsCount && !isEmpty(fields.icon)) && !(await scriptNamesFile(recipe, ICON_FILE))) missing.push('icon');
    if (missing.length === 0) return;

    const declared = declaredType(recipe).node;
    const how = fieldsCount ? 'declare desktop and icon, or write' : 'write';
    report({
      message: `FlatImage package without ${missing.join(' or ')}: the ${target} builder neither extracts them from a FlatImage nor adds generic ones, so the package ships without desktop integration; ${how} \${PKG}.desktop and \${PKG}.png into $SBUILD_OUTDIR in x_exec.run (e.g. with fim-desktop dump)`,
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
