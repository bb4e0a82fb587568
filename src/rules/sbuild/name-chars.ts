import { defineRule } from '../../core/rule.js';
import { valueSpan } from '../../sbuild/locate.js';
import { annotation, fieldName, formattedStrings } from '../../sbuild/schema.js';
import { NAME_CHARACTERS } from '../../sbuild/name-pattern.js';

export default defineRule({
  id: 'sbuild/name-chars',
  description: '`pkg`, `pkg_id` and `app_id` use only letters and digits (of any script) and `+ - _ .`',
  severity: 'error',
  check({ recipe, report }) {
    for (const location of formattedStrings(recipe, ['name'])) {
      const { path, value } = location;
      const pattern = annotation<string>(location, 'x-pattern');
      if (!pattern) continue;
      const valid = new RegExp(pattern, 'u');
      if (valid.test(value)) continue;
      const wrong = [...new Set([...value].filter((character) => !valid.test(character)))];
      report({
        message: `${fieldName(path)} '${value}' contains ${wrong.map(show).join(', ')}: only ${NAME_CHARACTERS} are allowed`,
        at: valueSpan(recipe, path),
      });
    }
  },
});

/**
 * A character as the message shows it: white space by its escape, and one beyond ASCII that shows as nothing or as a
 * blank (a zero-width or no-break space) by its code. Control characters are left to the reporters, which show every
 * one inertly.
 */
function show(character: string): string {
  const code = character.codePointAt(0)!;
  if (code < 0x80) return /\s/.test(character) ? JSON.stringify(character).replace(/^"|"$/g, "'") : `'${character}'`;
  return INVISIBLE.test(character) ? `'\\u${code.toString(16).toUpperCase().padStart(4, '0')}'` : `'${character}'`;
}

const INVISIBLE = /^[\p{Cf}\p{Z}]$/u;
