import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { filesInFlight } from '../../src/core/files-in-flight.js';

describe('filesInFlight', () => {
  it('keeps many files in flight when their scripts go to ShellCheck, so that its batches span files', () => {
    expect(filesInFlight(defaultConfig())).toBe(256);
  });

  it('keeps few when ShellCheck is turned off, by setting or by its rule', () => {
    const noShellCheck = defaultConfig();
    noShellCheck.settings.shellcheck.enabled = false;
    const ruleOff = defaultConfig();
    ruleOff.rules['shell/shellcheck'] = ['off'];
    expect([filesInFlight(noShellCheck), filesInFlight(ruleOff)]).toEqual([2, 2]);
  });
});
