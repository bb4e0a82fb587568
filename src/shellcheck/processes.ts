import { availableParallelism } from 'node:os';

let perService = Math.max(1, availableParallelism());

/** How many ShellCheck processes one service (one thread's) runs at once. */
export function shellcheckProcesses(): number {
  return perService;
}

/**
 * A worker thread's share of the cores: the workers of a pool each have their own service, and together run about one
 * ShellCheck process per core rather than one per core each (which only adds processes that wait, and their memory).
 */
export function shareShellCheckProcesses(workers: number): void {
  perService = Math.max(1, Math.round(availableParallelism() / Math.max(1, workers)));
}
