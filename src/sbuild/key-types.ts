import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Recipe } from '../recipe/recipe.js';
import { nodeSpan } from '../recipe/recipe.js';
import { jsonType, typeName, type JsonType } from './schema.js';
import type { SchemaProblem } from './schema-problems.js';

/**
 * The maps whose keys the builder reads only as strings (`validator.rs` validate_description, validate_packages): any
 * other key is an error that rejects the whole map. The data of the recipe has every key as a string, so the schema
 * cannot see it.
 */
const STRING_KEYED: readonly { field: string; key: string; also: readonly JsonType[]; instead: string }[] = [
  // A boolean key becomes the string "true" or "false".
  { field: 'description', key: 'description key', also: ['boolean'], instead: 'the name of the program the entry describes' },
  { field: 'packages', key: 'package name', also: [], instead: "the package's name" },
];

export function keyTypeProblems(recipe: Recipe): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const { field, key: what, also, instead } of STRING_KEYED) {
    const map = recipe.node([field]);
    if (!isMap(map)) continue;
    const viaMapAlias = recipe.aliases.use(map) !== undefined;
    for (const pair of recipe.aliases.original(map).items) {
      const written = pair.key as Node | null;
      const keyNode = isAlias(written) ? recipe.aliases.target(written) : written;
      const value: unknown = isScalar(keyNode) ? keyNode.value : isSeq(keyNode) ? [] : isMap(keyNode) ? {} : null;
      const type = jsonType(value);
      if (type === 'string' || also.includes(type)) continue;
      // A key inside an aliased map is reported where the alias is written.
      const at = viaMapAlias ? nodeSpan(map) : written ? nodeSpan(written) : nodeSpan(pair.value as Node);
      const text = keyNode?.range ? recipe.text.slice(keyNode.range[0], keyNode.range[1]) : '';
      const path = [field, String(value)];
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && (type === 'number' || type === 'boolean')) {
        const read = String(value) === text ? `a ${type}` : `the ${type} ${String(value)}`;
        const quoted = JSON.stringify(text);
        const direct = written === keyNode && !viaMapAlias;
        const advice = written !== keyNode ? `write ${quoted} in place of the alias` : `quote it as ${quoted}${direct ? '' : ' in the anchored map'}`;
        problems.push({
          kind: 'implicit-type',
          path,
          message: `${what} ${text} must be a string, but YAML reads it as ${read}: ${advice}`,
          advice,
          at,
          ...(direct ? { fix: { ...nodeSpan(keyNode), text: quoted } } : {}),
        });
        continue;
      }
      const shown = text === '' ? '' : ` ${text}`;
      problems.push({ kind: 'schema', path, message: `${what}${shown} must be a string, found ${typeName(type)}: write ${instead}`, at });
    }
  }
  return problems;
}
