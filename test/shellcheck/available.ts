import { spawnSync } from 'node:child_process';

/** True when ShellCheck is on PATH; tests that need it are skipped, with one notice, where it is not. */
export const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;

if (!hasShellcheck) console.warn('ShellCheck tests skipped: shellcheck is not on PATH (apt-get install shellcheck)');
