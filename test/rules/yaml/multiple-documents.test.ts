import { recipe, ruleTester } from '../../helpers.js';

const IGNORED = 'only the first document of a file is the recipe; remove it or move it to its own file';

ruleTester.run('yaml/multiple-documents', {
  valid: [{ name: 'an explicit start marker on the only document', code: recipe('#!/SBUILD', '---', 'pkg: a') }],
  invalid: [
    {
      name: 'the separator of each later document',
      code: recipe('#!/SBUILD', 'pkg: a', '---', 'pkg: b', '---', 'pkg: c'),
      errors: [`yaml/multiple-documents warning 3:1-3:4 YAML document 2 is ignored: ${IGNORED}`, `yaml/multiple-documents warning 5:1-5:4 YAML document 3 is ignored: ${IGNORED}`],
      output: null,
    },
  ],
});
