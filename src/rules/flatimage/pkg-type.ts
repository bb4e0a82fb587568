import { defineRule } from '../../core/rule.js';
import { PKG_TYPES } from '../../flatimage/formats.js';
import { declaredType, flatImageEvidence } from '../../flatimage/recipe-kind.js';
import { scalarContentSpan } from '../../recipe/scalar-text.js';

export default defineRule({
  id: 'flatimage/pkg-type',
  description: 'pkg_type is lowercase, and a recipe that builds a FlatImage says pkg_type: "flatimage"',
  severity: 'error',
  fixable: 'safe',
  async check({ recipe, report }) {
    const declared = declaredType(recipe);
    const known = declared.lower !== undefined && (PKG_TYPES as readonly string[]).includes(declared.lower);
    if (known && declared.value !== declared.lower && declared.value!.toLowerCase() === declared.lower) {
      const content = scalarContentSpan(recipe, declared.node!);
      report({
        message: `pkg_type '${declared.value}' must be lowercase: '${declared.lower}'`,
        at: declared.node,
        ...(content ? { fix: { ...content, text: declared.lower! } } : {}),
      });
    }

    const evidence = await flatImageEvidence(recipe);
    // A GameImage is built as a .flatimage; a value outside the list is the schema rule's to report.
    if (evidence.length === 0 || declared.lower === 'flatimage' || declared.lower === 'gameimage') return;
    if (declared.lower !== undefined && !known) return;
    if (declared.value === undefined && declared.node && declared.node.value !== null) return;
    const reasons = evidence.map(({ reason }) => reason).join('; ');
    const related = evidence.flatMap(({ reason, at }) => (at ? [{ at, message: reason }] : []));
    if (declared.lower === undefined) {
      const at = declared.node?.range ? recipe.keySpan(['pkg_type']) : recipe.pair(['pkg']) ? recipe.keySpan(['pkg']) : undefined;
      report({ message: `This recipe builds a FlatImage (${reasons}) but has no pkg_type: add pkg_type: "flatimage"`, ...(at ? { at } : {}), related });
    } else {
      report({ message: `pkg_type is '${declared.value}' but this recipe builds a FlatImage (${reasons}): set pkg_type: "flatimage"`, at: declared.node, related });
    }
  },
});
