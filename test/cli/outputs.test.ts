import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inPieces, writeOutput } from '../../src/cli/outputs.js';

const scratch = mkdtempSync(join(tmpdir(), 'fim-lint-outputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function* perFile(count: number): Generator<string> {
  for (let index = 0; index < count; index++) yield `{"file":${index},"name":"ünïcode ${index}"}\n`;
}
const whole = (count: number) => [...perFile(count)].join('');

describe('writing a report', () => {
  it('joins the small parts of a streamed report into pieces of about 64 KiB, losing nothing', () => {
    const pieces = [...inPieces(perFile(20_000))];
    expect(pieces.join('')).toBe(whole(20_000));
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.length).toBeLessThan(20);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(65_536);
  });

  it('hands a report made as one text on as it is, and an empty report as nothing', () => {
    expect([...inPieces('all at once\n')]).toEqual(['all at once\n']);
    expect([...inPieces(perFile(0))]).toEqual([]);
  });

  it('writes a streamed report to a file byte for byte, creating its folder, and an empty report as an empty file', async () => {
    await writeOutput(scratch, 'reports/out.json', perFile(20_000));
    expect(readFileSync(join(scratch, 'reports', 'out.json'), 'utf8')).toBe(whole(20_000));
    await writeOutput(scratch, 'reports/out.json', perFile(0));
    expect(readFileSync(join(scratch, 'reports', 'out.json'), 'utf8')).toBe('');
  });
});
