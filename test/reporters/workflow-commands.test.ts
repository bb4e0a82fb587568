import { describe, expect, it } from 'vitest';
import { reportWithoutCommands } from '../../src/reporters/workflow-commands.js';

const REPORT = 'a ##[error]x\n  ::warning::y\n::\n#\n##\n##[\nz ::notice::kept';

function written(parts: string[]): string {
  return [...reportWithoutCommands('json', parts)].join('');
}

describe('reportWithoutCommands', () => {
  it('escapes the same commands however the report is cut into parts', () => {
    const whole = written([REPORT]);
    expect(whole).toBe('a #\\u0023[error]x\n  \\u003A:warning::y\n\\u003A:\n#\n##\n#\\u0023[\nz ::notice::kept');
    for (let first = 0; first <= REPORT.length; first++) {
      for (let second = first; second <= REPORT.length; second++) {
        expect(written([REPORT.slice(0, first), REPORT.slice(first, second), REPORT.slice(second)])).toBe(whole);
      }
    }
  });

  it('writes a report on one line as it is made, not once it ends', () => {
    const pulled: number[] = [];
    function* oneLine(): Generator<string> {
      for (let part = 0; part < 1000; part++) {
        pulled.push(part);
        yield `{"part":${part}},`;
      }
    }
    const pieces = reportWithoutCommands('json', oneLine());
    for (let part = 0; part < 1000; part++) {
      expect(pieces.next().value).toBe(`{"part":${part}},`);
      expect(pulled).toHaveLength(part + 1);
    }
  });
});
