import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShellCheckService } from '../../src/shellcheck/service.js';
import { hasShellcheck } from './available.js';

describe.skipIf(!hasShellcheck)('the ShellCheck service', () => {
  it('checks many scripts at once and gives each script its own findings', async () => {
    const service = new ShellCheckService('shellcheck', undefined);
    const scripts = Array.from({ length: 120 }, (_, index) => `echo "start"\necho "$unset_${index}"\n`);
    const results = await Promise.all(scripts.map((script) => service.check(script, 'bash')));
    expect(results.map((comments) => comments?.map((c) => `${c.code}@${c.line}:${c.column} ${c.message}`))).toEqual(
      scripts.map((_, index) => [`2154@2:7 unset_${index} is referenced but not assigned.`]),
    );
  });

  it('keeps results on disk, keyed by script and shell, and reads them back in a later run', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const script = 'echo $foo\n';
    const first = await new ShellCheckService('shellcheck', directory).check(script, 'bash');
    expect(first?.map((c) => c.code)).toEqual([2154, 2086]);
    const entries = readdirSync(join(directory, 'shellcheck'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^[0-9a-f]{64}\.json$/);

    // A fresh service (a later run) answers from the cache: a doctored entry proves it did not run ShellCheck again.
    const entry = join(directory, 'shellcheck', entries[0]!);
    const doctored = (JSON.parse(readFileSync(entry, 'utf8')) as { message: string }[]).map((c) => ({ ...c, message: 'from the cache' }));
    writeFileSync(entry, JSON.stringify(doctored));
    const second = await new ShellCheckService('shellcheck', directory).check(script, 'bash');
    expect(second?.map((c) => c.message)).toEqual(['from the cache', 'from the cache']);
    // Another shell is another key; a corrupt entry is a miss.
    expect((await new ShellCheckService('shellcheck', directory).check(script, 'sh'))?.map((c) => c.message)).not.toContain('from the cache');
    writeFileSync(entry, '{not json');
    expect((await new ShellCheckService('shellcheck', directory).check(script, 'bash'))?.map((c) => c.code)).toEqual([2154, 2086]);
  });

  it('leaves no temporary files behind in the cache', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fim-lint-cache-'));
    const services = [new ShellCheckService('shellcheck', directory), new ShellCheckService('shellcheck', directory)];
    await Promise.all(services.flatMap((service) => Array.from({ length: 20 }, (_, index) => service.check(`echo "$v${index}"\n`, 'bash'))));
    expect(readdirSync(join(directory, 'shellcheck')).filter((name) => !name.endsWith('.json'))).toEqual([]);
    expect(readdirSync(join(directory, 'shellcheck'))).toHaveLength(20);
  });
});

describe('the ShellCheck service without ShellCheck', () => {
  it('answers undefined when the executable cannot be run', async () => {
    const service = new ShellCheckService(join(tmpdir(), 'no-such-shellcheck'), undefined);
    expect(await service.version()).toBeUndefined();
    expect(await service.check('echo hi\n', 'bash')).toBeUndefined();
  });
});
