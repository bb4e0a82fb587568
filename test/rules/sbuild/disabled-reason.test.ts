import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/disabled-reason';
const disabled = (...reason: string[]) => VALID_RECIPE.replace('_disabled: false', ['_disabled: true', ...reason].join('\n'));

describe('sbuild/disabled-reason', () => {
  it('reports dates that are neither YYYY-MM-DD nor RFC 3339, and days that do not exist', async () => {
    const text = disabled(
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
    );
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/disabled-reason warning 5:13-5:25 '31/12/2024' is not a valid date in _disabled_reason.broken[0].date: expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z",
      "sbuild/disabled-reason warning 7:13-7:25 '2025-02-30' is not a valid date in _disabled_reason.broken[1].date: expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z",
      "sbuild/disabled-reason warning 10:13-10:31 '2025-03-01 10:00' is not a valid date in _disabled_reason.replaced[0].date: expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z",
    ]);
  });

  it('asks for a reason when the recipe is disabled, and for none when it is not', async () => {
    expect((await lint(disabled(), { only })).map(compact)).toEqual([
      "sbuild/disabled-reason warning 2:1-2:10 The recipe is disabled but does not say why: add '_disabled_reason' (e.g. broken: [{date, reason}])",
    ]);
    const enabled = VALID_RECIPE.replace('_disabled: false', '_disabled: false\n_disabled_reason:\n  - "Too slow"');
    expect((await lint(enabled, { only })).map(compact)).toEqual([
      "sbuild/disabled-reason warning 3:1-3:17 '_disabled_reason' is set but '_disabled' is false: remove the reason or disable the recipe",
    ]);
  });

  it('leaves a replacement without pkg_id to sbuild/schema', async () => {
    const text = disabled('_disabled_reason:', '  replaced:', '    - date: "2025-03-01"', '      reason: "Moved"');
    expect((await lint(text, { only: ['sbuild/disabled-reason', 'sbuild/schema'] })).map(compact)).toEqual([
      "sbuild/schema error 5:7-6:22 Missing required field 'pkg_id' in _disabled_reason.replaced[0]: The `pkg_id` of the package that replaces this one.",
    ]);
  });

  it('accepts both date forms and every documented reason form', async () => {
    const text = disabled(
      '_disabled_reason:',
      '  broken:',
      '    - date: "2024-12-31"',
      '      reason: "Does not build"',
      '  replaced:',
      '    - date: "2025-03-01T10:00:00+05:45"',
      '      pkg_id: "github.com.example.hello2"',
      '      reason: "Moved"',
    );
    expect(await lint(text, { only })).toEqual([]);
    expect(await lint(disabled('_disabled_reason:', '  - "Too slow & Expensive"'), { only })).toEqual([]);
  });

  it('checks a date an alias stands for, at the alias', async () => {
    const text = disabled('x_date: &d "31/12/2024"', '_disabled_reason:', '  broken:', '    - date: *d', '      reason: "Does not build"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/disabled-reason warning 6:13-6:15 '31/12/2024' is not a valid date in _disabled_reason.broken[0].date: expected YYYY-MM-DD or an RFC 3339 timestamp such as 2024-12-31T23:59:59Z (the value of alias *d, anchored on line 3)",
    ]);
  });
});
