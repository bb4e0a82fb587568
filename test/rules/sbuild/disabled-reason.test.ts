import { describe, expect, it } from 'vitest';
import { compact, lint, ruleTester, VALID_RECIPE } from '../../helpers.js';

const disabled = (...reason: string[]) => VALID_RECIPE.replace('_disabled: false', ['_disabled: true', ...reason].join('\n'));
const DATES = 'expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z';

ruleTester.run('sbuild/disabled-reason', {
  valid: [
    {
      name: 'both date forms and the mapping form',
      code: disabled(
        '_disabled_reason:',
        '  broken:',
        '    - date: "2024-12-31"',
        '      reason: "Does not build"',
        '  replaced:',
        '    - date: "2025-03-01T10:00:00+05:45"',
        '      pkg_id: "github.com.example.hello2"',
        '      reason: "Moved"',
      ),
    },
    { name: 'the list form', code: disabled('_disabled_reason:', '  - "Too slow & Expensive"') },
    { name: 'a replacement without pkg_id, which is sbuild/schema’s', code: disabled('_disabled_reason:', '  replaced:', '    - date: "2025-03-01"', '      reason: "Moved"') },
  ],
  invalid: [
    {
      name: 'dates that are neither YYYY-MM-DD nor RFC 3339, and days that do not exist',
      code: disabled(
        '_disabled_reason:',
        '  broken:',
        '    - date: "31/12/2024"',
        '      reason: "Does not build"',
        '    - date: "2025-02-30"',
        '      reason: "Still broken"',
        '  replaced:',
        '    - date: "2025-03-01 10:00"',
        '      pkg_id: "github.com.example.hello2"',
        '      reason: "Moved"',
      ),
      errors: [
        `sbuild/disabled-reason warning 5:13-5:25 '31/12/2024' is not a valid date in _disabled_reason.broken[0].date: ${DATES}`,
        `sbuild/disabled-reason warning 7:13-7:25 '2025-02-30' is not a valid date in _disabled_reason.broken[1].date: ${DATES}`,
        `sbuild/disabled-reason warning 10:13-10:31 '2025-03-01 10:00' is not a valid date in _disabled_reason.replaced[0].date: ${DATES}`,
      ],
      output: null,
    },
    {
      name: 'a disabled recipe without a reason',
      code: disabled(),
      errors: ["sbuild/disabled-reason warning 2:1-2:10 The recipe is disabled but does not say why: add '_disabled_reason' (e.g. broken: [{date, reason}])"],
      output: null,
    },
    {
      name: 'a reason on a recipe that is not disabled',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: false\n_disabled_reason:\n  - "Too slow"'),
      errors: ["sbuild/disabled-reason warning 3:1-3:17 '_disabled_reason' is set but '_disabled' is false: remove the reason or disable the recipe"],
      output: null,
    },
    {
      name: 'a date an alias stands for, at the alias',
      code: disabled('x_date: &d "31/12/2024"', '_disabled_reason:', '  broken:', '    - date: *d', '      reason: "Does not build"'),
      errors: [`sbuild/disabled-reason warning 6:13-6:15 '31/12/2024' is not a valid date in _disabled_reason.broken[0].date: ${DATES} (the value of alias *d, anchored on line 3)`],
      output: null,
    },
  ],
});

describe('sbuild/disabled-reason', () => {
  it('leaves a replacement without pkg_id to sbuild/schema', async () => {
    const text = disabled('_disabled_reason:', '  replaced:', '    - date: "2025-03-01"', '      reason: "Moved"');
    expect((await lint(text, { only: ['sbuild/disabled-reason', 'sbuild/schema'] })).map(compact)).toEqual([
      "sbuild/schema error 5:7-6:22 Missing required field 'pkg_id' in _disabled_reason.replaced[0]: The `pkg_id` of the package that replaces this one.",
    ]);
  });
});
