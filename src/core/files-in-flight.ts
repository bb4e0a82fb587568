import { isRuleEnabled, type Config } from './config.js';

/**
 * How many files a thread may have between reading and reporting at once. ShellCheck's batches are made of the
 * scripts of the files in flight, and starting a process from this one costs about 15 ms of its CPU time (the fork of
 * a large process), so files whose scripts go to it need many: a file waiting on ShellCheck keeps only its scripts and
 * what places their findings (`defer`), and the files are checked one at a time. On the corpus, a worker with 256 in
 * flight sends ShellCheck 37 batches, mostly of 200 scripts, where 32 sent 146 (peak memory 241 MB against 228 MB).
 * Other files need few.
 */
export function filesInFlight(config: Config): number {
  const toShellCheck = config.settings.shellcheck.enabled && isRuleEnabled(config, { id: 'shell/shellcheck' });
  return toShellCheck ? 256 : 2;
}
