import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const withExec = (...lines: string[]) => VALID_RECIPE.replace('x_exec:\n', ['x_exec:', ...lines.map((line) => `  ${line}`), ''].join('\n'));
const HOST_FORMS = 'expected <arch>-<os> with arch one of aarch64, loongarch64, riscv64, x86_64 and os one of freebsd, illumos, linux, netbsd, openbsd, redox';

ruleTester.run('sbuild/host', {
  valid: [{ name: 'any case, as the specification says (x86_64-Linux is the usual spelling)', code: withExec('arch:', '  - "X86_64"', 'host:', '  - "aarch64-Linux"', '  - "x86_64-Linux"') }],
  invalid: [
    {
      name: 'unsupported arch and os values, with the allowed ones',
      code: withExec('arch:', '  - "x86-64"', '  - "mips"', 'os:', '  - "Linux"', '  - "windows"'),
      errors: [
        "sbuild/host error 17:7-17:15 'x86-64' is not a valid x_exec.arch: expected one of aarch64, loongarch64, riscv64, x86_64 (did you mean 'x86_64'?)",
        "sbuild/host error 18:7-18:13 'mips' is not a valid x_exec.arch: expected one of aarch64, loongarch64, riscv64, x86_64",
        "sbuild/host error 21:7-21:16 'windows' is not a valid x_exec.os: expected one of freebsd, illumos, linux, netbsd, openbsd, redox",
      ],
      output: null,
    },
    {
      name: 'hosts that are not <arch>-<os>',
      code: withExec('host:', '  - "x86_64-unknown-linux-gnu"', '  - "aarch64-linx"'),
      errors: [
        `sbuild/host error 17:7-17:33 'x86_64-unknown-linux-gnu' is not a valid x_exec.host: ${HOST_FORMS}`,
        `sbuild/host error 18:7-18:21 'aarch64-linx' is not a valid x_exec.host: ${HOST_FORMS} (did you mean 'aarch64-linux'?)`,
      ],
      output: null,
    },
    {
      name: 'with requireLowercase, asks for lowercase and lowercases the entry',
      code: withExec('host:', '  - "x86_64-Linux"'),
      options: { requireLowercase: true },
      errors: ["sbuild/host error 17:7-17:21 'x86_64-Linux' in x_exec.host is not lowercase: the builder lowercases it, write 'x86_64-linux'"],
      output: withExec('host:', '  - "x86_64-linux"'),
    },
    {
      name: 'arch, os and host values an alias stands for, at the alias',
      code: VALID_RECIPE.replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&a "x86", &h "x86_64-linx"]')
        .replace('x_exec:\n', 'x_exec:\n  arch: [*a]\n  host: *hosts\n')
        .replace('category:\n', 'x_hosts: &hosts [*h]\ncategory:\n'),
      errors: [
        "sbuild/host error 18:10-18:12 'x86' is not a valid x_exec.arch: expected one of aarch64, loongarch64, riscv64, x86_64 (the value of alias *a, anchored on line 6)",
        `sbuild/host error 19:9-19:15 'x86_64-linx' is not a valid x_exec.host: ${HOST_FORMS} (did you mean 'x86_64-linux'?) (the value of alias *hosts, anchored on line 7)`,
      ],
      output: null,
    },
  ],
});
