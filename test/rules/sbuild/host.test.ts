import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';
import { applyFix } from './apply-fix.js';

const only = 'sbuild/host';
const withExec = (...lines: string[]) => VALID_RECIPE.replace('x_exec:\n', ['x_exec:', ...lines.map((line) => `  ${line}`), ''].join('\n'));

describe('sbuild/host', () => {
  it('reports unsupported arch and os values, with the allowed ones', async () => {
    const text = withExec('arch:', '  - "x86-64"', '  - "mips"', 'os:', '  - "Linux"', '  - "windows"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/host error 17:7-17:15 'x86-64' is not a valid x_exec.arch: expected one of aarch64, loongarch64, riscv64, x86_64 (did you mean 'x86_64'?)",
      "sbuild/host error 18:7-18:13 'mips' is not a valid x_exec.arch: expected one of aarch64, loongarch64, riscv64, x86_64",
      "sbuild/host error 21:7-21:16 'windows' is not a valid x_exec.os: expected one of freebsd, illumos, linux, netbsd, openbsd, redox",
    ]);
  });

  it('reports hosts that are not <arch>-<os>', async () => {
    const text = withExec('host:', '  - "x86_64-unknown-linux-gnu"', '  - "aarch64-linx"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/host error 17:7-17:33 'x86_64-unknown-linux-gnu' is not a valid x_exec.host: expected <arch>-<os> with arch one of aarch64, loongarch64, riscv64, x86_64 and os one of freebsd, illumos, linux, netbsd, openbsd, redox",
      "sbuild/host error 18:7-18:21 'aarch64-linx' is not a valid x_exec.host: expected <arch>-<os> with arch one of aarch64, loongarch64, riscv64, x86_64 and os one of freebsd, illumos, linux, netbsd, openbsd, redox (did you mean 'aarch64-linux'?)",
    ]);
  });

  it('accepts any case, as the specification says (x86_64-Linux is the usual spelling)', async () => {
    expect(await lint(withExec('arch:', '  - "X86_64"', 'host:', '  - "aarch64-Linux"', '  - "x86_64-Linux"'), { only })).toEqual([]);
  });

  it('with requireLowercase, asks for lowercase and lowercases the entry', async () => {
    const text = withExec('host:', '  - "x86_64-Linux"');
    const diagnostics = await lint(text, { only, config: { rules: { 'sbuild/host': ['error', { requireLowercase: true }] } } });
    expect(diagnostics.map(compact)).toEqual([
      "sbuild/host error 17:7-17:21 'x86_64-Linux' in x_exec.host is not lowercase: the builder lowercases it, write 'x86_64-linux'",
    ]);
    expect(applyFix(text, diagnostics[0]!)).toBe(text.replace('x86_64-Linux', 'x86_64-linux'));
  });

  it('checks arch, os and host values an alias stands for, at the alias', async () => {
    const text = VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&a "x86", &h "x86_64-linx"]').replace('x_exec:\n', 'x_exec:\n  arch: [*a]\n  host: *hosts\n').replace('category:\n', 'x_hosts: &hosts [*h]\ncategory:\n');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/host error 18:10-18:12 'x86' is not a valid x_exec.arch: expected one of aarch64, loongarch64, riscv64, x86_64 (the value of alias *a, anchored on line 6)",
      "sbuild/host error 19:9-19:15 'x86_64-linx' is not a valid x_exec.host: expected <arch>-<os> with arch one of aarch64, loongarch64, riscv64, x86_64 and os one of freebsd, illumos, linux, netbsd, openbsd, redox (did you mean 'x86_64-linux'?) (the value of alias *hosts, anchored on line 7)",
    ]);
  });
});
