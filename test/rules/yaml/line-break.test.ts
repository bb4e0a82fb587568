import { describe, expect, it } from 'vitest';
import { lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const MESSAGE = "YAML, and so the builder, reads it as a line break, which fim-lint's parser does not, so what follows it is not checked as the builder reads it; end lines with LF or CRLF";
/** A key hidden behind a carriage return in a comment: fim-lint's parser reads the rest of the line as the comment. */
const hidden = VALID_RECIPE.replace('pkg_type: "static"\n', 'pkg_type: "static" # note\rpkg_id: "bad id!!"\n');

ruleTester.run('yaml/line-break', {
  valid: [
    { name: 'LF line endings', code: VALID_RECIPE },
    { name: 'CRLF line endings', code: VALID_RECIPE.replaceAll('\n', '\r\n') },
    { name: 'a carriage return written as an escape in a quoted value', code: VALID_RECIPE.replace('"Prints a greeting"', '"Prints\\ra greeting"') },
  ],
  invalid: [
    {
      name: 'a carriage return in a comment, which hides the key after it',
      code: hidden,
      errors: [`yaml/line-break error 5:26-5:27 A carriage return without a line feed: ${MESSAGE}`],
      output: hidden.replace('\r', '\n'),
    },
    {
      name: 'old Mac line endings: one finding for the file, at the first, fixed everywhere',
      code: '#!/SBUILD\rpkg: "hello"\r',
      errors: [`yaml/line-break error 1:10-1:11 A carriage return without a line feed (and 1 more after it): ${MESSAGE}`],
      output: '#!/SBUILD\npkg: "hello"\n',
    },
  ],
});

describe('yaml/line-break', () => {
  it('once fixed, the key it hid is checked like any other', async () => {
    const ids = (await lint(hidden.replace('\r', '\n'))).map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.line}`);
    expect(ids).toContain('yaml/duplicate-key 6');
  });
});
