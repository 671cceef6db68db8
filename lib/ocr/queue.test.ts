import { describe, expect, it } from 'vitest';
import { serialQueue } from './queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('serialQueue', () => {
  it('runs one task at a time, in order', async () => {
    const queue = serialQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue.run(task('a')), queue.run(task('b')), queue.run(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on after a failed task, and counts what is queued', async () => {
    const queue = serialQueue();
    const failed = queue.run(async () => {
      await tick();
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    expect(queue.size).toBe(2);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    await tick();
    expect(queue.size).toBe(0);
  });

  it('tells onSize each change of the count (the recognition queue metric)', async () => {
    const sizes: number[] = [];
    const queue = serialQueue({ onSize: (size) => sizes.push(size) });
    await Promise.all([queue.run(tick), queue.run(tick)]);
    await tick();
    expect(sizes).toEqual([1, 2, 1, 0]);
  });
});
