import { defineRule } from '../../core/rule.js';

export default defineRule({
  id: 'yaml/encoding',
  description: 'The file must be UTF-8 text, not binary data',
  severity: 'error',
  runsOnBrokenYaml: true,
  check({ recipe, report }) {
    const failure = recipe.decodeFailure;
    if (failure) report({ message: failure.message, at: { start: failure.offset, end: failure.offset } });
  },
});
