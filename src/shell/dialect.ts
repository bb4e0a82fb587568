/** The shells whose scripts fim-lint parses and ShellCheck checks. */
export const CHECKED_SHELLS = ['sh', 'bash', 'dash', 'ksh'] as const;
export type CheckedShell = (typeof CHECKED_SHELLS)[number];

export type Dialect = { checked: true; shell: CheckedShell } | { checked: false; shell: string };

/**
 * The dialect of a recipe's scripts from `x_exec.shell` (already lowercased): `bash`, `/bin/sh`, `/usr/bin/env dash`
 * and `bash -e` all name a checked shell. A recipe without a shell runs under bash, the builder's default.
 */
export function scriptDialect(shell: string | undefined): Dialect {
  const words = (shell ?? 'bash').trim().split(/\s+/);
  const program = words[0]?.endsWith('/env') && words[1] ? words[1] : (words[0] ?? '');
  const name = program.slice(program.lastIndexOf('/') + 1) || 'bash';
  return (CHECKED_SHELLS as readonly string[]).includes(name) ? { checked: true, shell: name as CheckedShell } : { checked: false, shell: name };
}
