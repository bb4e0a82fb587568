import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LspClient } from '../../bench/lsp-client.js';
import { VALID_RECIPE } from '../helpers.js';
import { compact, startServer, uriOf, workspace } from './server.js';

const hasShellCheck = spawnSync('shellcheck', ['--version']).status === 0;
if (!hasShellCheck) console.warn('shellcheck is not installed: the language server test with the real ShellCheck is skipped');

/** VALID_RECIPE with a `cd` that ShellCheck reports (SC2164) on line 20. */
const WITH_CD = VALID_RECIPE.replace('  run: |\n', '  run: |\n    cd ./build\n');
const root = workspace({ 'hello/static.official.stable.yaml': WITH_CD });
const uri = uriOf(join(root, 'hello/static.official.stable.yaml'));
const clients: LspClient[] = [];
afterAll(() => {
  for (const client of clients) client.kill();
  rmSync(root, { recursive: true, force: true });
});

/** A stand-in ShellCheck: answers --version, then runs `body` (a shell script) for the check itself. */
function fakeShellCheck(name: string, body: string): string {
  const path = join(root, name);
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.0.1"; exit 0; fi\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!hasShellCheck)('the language server with ShellCheck', () => {
  it('publishes the other rules first and adds the ShellCheck findings when they are ready', async () => {
    const client = await startServer(root, { shellcheck: true });
    clients.push(client);
    const withFindings = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'shell/SC2164'));
    await client.open(uri, WITH_CD);
    const published = await withFindings;
    expect(compact(client.published[0]!)).toEqual([]);
    expect(compact(published)).toEqual(['shell/SC2164 20:5-20:15']);
    expect(published.diagnostics[0]!.codeDescription).toEqual({ href: 'https://www.shellcheck.net/wiki/SC2164' });
    expect(await client.shutdown()).toBe(0);
  });
});

describe('the language server with a slow or failing ShellCheck', () => {
  it('does not wait for a slow ShellCheck, and stops it when the text changes or the file is closed', async () => {
    const pids = join(root, 'pids');
    const slow = fakeShellCheck('slow-shellcheck', `echo $$ >> "${pids}"\nexec sleep 60`);
    const client = await startServer(root, { shellcheck: true, shellcheckPath: slow });
    clients.push(client);
    const first = client.nextDiagnostics(uri);
    await client.open(uri, WITH_CD.replace('"Utility"', '"utility"'));
    expect(compact(await first)).toEqual(['sbuild/category 7:5-7:14']);
    await until(() => existsSync(pids), 'the slow ShellCheck to start');
    // The two scripts go to ShellCheck in one batch or in two, 10 ms apart: the count settles before it is read.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = () => readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    const checking = started();

    const second = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, WITH_CD.replace('cd ./build', 'cd ./out'));
    expect(compact(await second)).toEqual([]);
    await until(() => checking.every((pid) => !alive(pid)), `ShellCheck (pids ${checking.join(', ')}) to be stopped after the change`);

    await until(() => started().length > checking.length, 'ShellCheck to start on the new text');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = started().slice(checking.length);
    await client.close(uri);
    await until(() => next.every((pid) => !alive(pid)), `ShellCheck (pids ${next.join(', ')}) to be stopped after closing`);
    expect(await client.shutdown()).toBe(0);
  });

  it('publishes the other rules first, then reports a failing ShellCheck on the scripts it could not check', async () => {
    const failing = fakeShellCheck('failing-shellcheck', 'echo "shellcheck: internal trouble" >&2\nexit 3');
    const client = await startServer(root, { shellcheck: true, shellcheckPath: failing });
    clients.push(client);
    const first = client.nextDiagnostics(uri);
    const failed = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'shell/shellcheck'));
    await client.open(uri, WITH_CD.replace('"Utility"', '"utility"'));
    expect(compact(await first)).toEqual(['sbuild/category 7:5-7:14']);
    const published = await failed;
    expect(compact(published)).toEqual(['sbuild/category 7:5-7:14', 'shell/shellcheck 17:3-17:9', 'shell/shellcheck 19:3-19:6']);
    expect(published.diagnostics[2]!.message).toMatch(/^ShellCheck could not check x_exec\.run: .*internal trouble/);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 6 } });
    expect(hover.contents.value).toMatch(/^\*\*sbuild\/category\*\*/);
    expect(await client.shutdown()).toBe(0);
  });
});
