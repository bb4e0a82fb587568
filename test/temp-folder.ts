import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: the run's scratch files go to one folder of their own (TMPDIR, which the test processes and
 * the programs they start inherit), removed when the run ends. Tests make hundreds of folders, and a program a test
 * kills cannot remove its own; without this, every run left them in the system's temp folder.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'fim-lint-tests-'));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
