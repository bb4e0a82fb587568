import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { OneAtATime } from '../../src/core/one-at-a-time.js';

describe('OneAtATime', () => {
  it('runs tasks handed in at once one after another, in order, past a task that fails', async () => {
    const queue = new OneAtATime();
    const events: string[] = [];
    const task = (name: string, ms: number, fails = false) => async () => {
      events.push(`start ${name}`);
      await sleep(ms);
      events.push(`end ${name}`);
      if (fails) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run(task('a', 30)), queue.run(task('b', 1, true)), queue.run(task('c', 1))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual(['a', 'b', 'c']);
  });
});
