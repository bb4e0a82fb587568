import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { canPollTree, startTreeMemory, stopTreeMemory } from './tree-memory.js';

export interface Measurement {
  /** Median wall time, seconds. */
  seconds: number;
  /**
   * Peak resident memory of the command, MB (largest over the runs): the highest sum over its process tree polled from
   * /proc, or the largest single process as /usr/bin/time reports it, whichever is higher.
   */
  peakMb: number | undefined;
  /** Median CPU time (user + system, all threads), seconds, when /usr/bin/time is there: steadier than wall time on a busy machine. */
  cpuSeconds: number | undefined;
  runs: number[];
}

const TIME = '/usr/bin/time';
export const canMeasureMemory = existsSync(TIME);

/** Runs a command `runs` times and keeps the median wall time and the highest peak memory. */
export function measure(command: string, args: string[], runs: number, cwd?: string): Measurement {
  return measureTogether({ only: { command, args, cwd } }, runs).only;
}

export interface Command {
  command: string;
  args: string[];
  cwd?: string;
}

/**
 * Measures commands whose times are compared, taking turns run by run (A B C, A B C, …): a machine whose load drifts
 * during the measurement then weighs on each of them alike.
 */
export function measureTogether<Name extends string>(commands: Record<Name, Command>, runs: number): Record<Name, Measurement> {
  const entries = Object.entries<Command>(commands).map(([name, command]) => ({ name, command, times: [] as number[], cpu: [] as number[], peakKb: 0 }));
  for (let run = 0; run < runs; run++) {
    for (const entry of entries) {
      const { command, args, cwd } = entry.command;
      const [file, fileArgs] = canMeasureMemory ? [TIME, ['-f', 'maxrss=%M cpu=%U+%S', command, ...args]] : [command, args];
      startTreeMemory();
      const started = process.hrtime.bigint();
      const result = spawnSync(file, fileArgs, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
      entry.times.push(Number(process.hrtime.bigint() - started) / 1e9);
      entry.peakKb = Math.max(entry.peakKb, stopTreeMemory() ?? 0);
      if (result.error) throw result.error;
      const rss = /maxrss=(\d+)/.exec(result.stderr ?? '');
      if (rss) entry.peakKb = Math.max(entry.peakKb, Number(rss[1]));
      const usage = /cpu=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '');
      if (usage) entry.cpu.push(Number(usage[1]) + Number(usage[2]));
    }
  }
  const measured = entries.map(({ name, times, cpu, peakKb }) => [
    name,
    { seconds: median(times), peakMb: canMeasureMemory || canPollTree ? peakKb / 1024 : undefined, cpuSeconds: cpu.length > 0 ? median(cpu) : undefined, runs: times },
  ]);
  return Object.fromEntries(measured) as Record<Name, Measurement>;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
