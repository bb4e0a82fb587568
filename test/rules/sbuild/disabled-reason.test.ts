import { describe, expect, it } from 'vitest';
import { BUILDER_RELEASES } from '../../../src/sbuild/builder-release.js';
import { compact, lint, ruleTester, atTarget, VALID_RECIPE } from '../../helpers.js';

const disabled = (...reason: string[]) => VALID_RECIPE.replace('_disabled: false', ['_disabled: true', ...reason].join('\n'));
const DATES = 'expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z';
/** The last release whose builder knows `_disabled_reason`, and the first that drops it (2f1f48e, 2026-02-17). */
const KNOWN = { target: '2026-01' };
const DROPPED = { target: '2026-02' };
const COMMENT = (target: string) =>
  `The recipe is disabled but does not say why: the ${target} builder drops '_disabled_reason' as an unknown field (since 2f1f48e, 2026-02-17), so give the reason in a comment on the '_disabled' line (e.g. _disabled: true  # broken since 2025-03-01: does not build)`;

ruleTester.run('sbuild/disabled-reason', {
  valid: [
    {
      name: 'both date forms and the mapping form',
      settings: KNOWN,
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
    { name: 'the list form', code: disabled('_disabled_reason:', '  - "Too slow & Expensive"'), settings: { target: '2025-11' } },
    { name: 'a replacement without pkg_id, which is sbuild/schema’s', code: disabled('_disabled_reason:', '  replaced:', '    - date: "2025-03-01"', '      reason: "Moved"'), settings: KNOWN },
    { name: 'from 2026-02, a reason in a comment on the _disabled line', code: disabled().replace('_disabled: true', '_disabled: true  # upstream is gone'), settings: DROPPED },
    { name: 'from 2026-02, a reason in the comments above _disabled', code: disabled().replace('_disabled: true', '# Broken since 2025-03-01:\n# does not build with GCC 15\n_disabled: true') },
    { name: 'from 2026-02, _disabled_reason is left to sbuild/unknown-key, dates and all', code: disabled('_disabled_reason:', '  broken:', '    - date: "31/12/2024"', '      reason: "Does not build"') },
    { name: 'from 2026-02, a reason on an enabled recipe is left to sbuild/unknown-key', code: VALID_RECIPE.replace('_disabled: false', '_disabled: false\n_disabled_reason:\n  - "Too slow"') },
  ],
  invalid: [
    {
      name: 'dates that are neither YYYY-MM-DD nor RFC 3339, and days that do not exist',
      settings: KNOWN,
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
      name: 'a disabled recipe without a reason, up to 2026-01',
      code: disabled(),
      settings: KNOWN,
      errors: ["sbuild/disabled-reason warning 2:1-2:10 The recipe is disabled but does not say why: add '_disabled_reason' (e.g. broken: [{date, reason}])"],
      output: null,
    },
    {
      name: 'a reason on a recipe that is not disabled',
      settings: { target: '2025-11' },
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: false\n_disabled_reason:\n  - "Too slow"'),
      errors: ["sbuild/disabled-reason warning 3:1-3:17 '_disabled_reason' is set but '_disabled' is false: remove the reason or disable the recipe"],
      output: null,
    },
    {
      name: 'a date an alias stands for, at the alias',
      settings: KNOWN,
      code: disabled('x_date: &d "31/12/2024"', '_disabled_reason:', '  broken:', '    - date: *d', '      reason: "Does not build"'),
      errors: [`sbuild/disabled-reason warning 6:13-6:15 '31/12/2024' is not a valid date in _disabled_reason.broken[0].date: ${DATES} (the value of alias *d, anchored on line 3)`],
      output: null,
    },
    {
      name: 'a disabled recipe without a reason, from 2026-02: the reason goes in a comment',
      code: disabled(),
      settings: DROPPED,
      errors: [`sbuild/disabled-reason warning 2:1-2:10 ${COMMENT('2026-02')}`],
      output: null,
    },
    {
      name: 'a blank comment, a directive and the shebang are no reason',
      code: disabled().replace('_disabled: true', '# fim-lint-disable-next-line sbuild/unbuildable -- kept\n_disabled: true  #'),
      errors: [`sbuild/disabled-reason warning 3:1-3:10 ${COMMENT('2026-06')}`],
      output: null,
    },
    {
      // As in 1667 recipes of soarpkgs, all 16 disabled ones among them.
      name: 'the #SELF: line with the recipe’s own URL is no reason',
      code: disabled().replace('_disabled: true', '#SELF: https://raw.githubusercontent.com/pkgforge/soarpkgs/refs/heads/main/binaries/hello/static.yaml\n_disabled: true'),
      errors: [`sbuild/disabled-reason warning 3:1-3:10 ${COMMENT('2026-06')}`],
      output: null,
    },
  ],
});

describe('sbuild/disabled-reason', () => {
  it('leaves a replacement without pkg_id to sbuild/schema', async () => {
    const text = disabled('_disabled_reason:', '  replaced:', '    - date: "2025-03-01"', '      reason: "Moved"');
    expect((await lint(text, { only: ['sbuild/disabled-reason', 'sbuild/schema'], config: atTarget('2026-01') })).map(compact)).toEqual([
      "sbuild/schema error 5:7-6:22 Missing required field 'pkg_id' in _disabled_reason.replaced[0]: The `pkg_id` of the package that replaces this one.",
    ]);
  });

  // The advice must never ask for what sbuild/unknown-key then reports as unknown to the same builder.
  it.each(BUILDER_RELEASES)('at target %s, following the advice for a disabled recipe leaves no finding of either rule', async (target) => {
    const only = ['sbuild/disabled-reason', 'sbuild/unknown-key'];
    const before = await lint(disabled(), { only, config: atTarget(target) });
    expect(before.map((d) => d.ruleId)).toEqual(['sbuild/disabled-reason']);
    const advice = before[0]!.message;
    const followed = advice.includes("add '_disabled_reason'")
      ? disabled('_disabled_reason:', '  broken:', '    - date: "2025-03-01"', '      reason: "Does not build"')
      : advice.includes("comment on the '_disabled' line")
        ? disabled().replace('_disabled: true', '_disabled: true  # broken since 2025-03-01: does not build')
        : undefined;
    expect(followed, advice).toBeDefined();
    expect((await lint(followed!, { only, config: atTarget(target) })).map(compact)).toEqual([]);
  });
});
