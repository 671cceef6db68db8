import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recognitionPool } from './recognition-pool';

const filename = path.join(import.meta.dirname, 'recognition-pool.test-worker.mjs');
const job = (text: string) => new TextEncoder().encode(text);

let pool: ReturnType<typeof recognitionPool<{ done: string; workerPid: number }>> | undefined;
function makePool(overrides: Partial<Parameters<typeof recognitionPool>[0]> = {}) {
  pool = recognitionPool<{ done: string; workerPid: number }>({ filename, threads: 1, maxWaiting: 8, timeoutMs: 5_000, niceness: 10, maxHeapMb: 32, idleTimeoutMs: 60_000, ...overrides });
  return pool;
}
afterEach(async () => {
  await pool?.destroy();
  pool = undefined;
});

describe('recognitionPool (the licence recognition worker pool)', () => {
  it('tells each job how many are ahead of it (正在识别营业执照，前面还有 N 份) and counts the queue', async () => {
    const sizes: number[] = [];
    const p = makePool({ onSize: (size) => sizes.push(size) });
    const places: Record<string, number[]> = { a: [], b: [], c: [] };
    const runs = (['a', 'b', 'c'] as const).map((name) => p.run(job(`sleep:150:${name}`), (ahead) => places[name]!.push(ahead)));
    expect(p.size).toBe(3);
    const answers = await Promise.all(runs);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(places).toEqual({ a: [0], b: [1, 0], c: [2, 1, 0] });
    expect(sizes.at(-1)).toBe(0);
    expect(Math.max(...sizes)).toBe(3);
  });

  it('refuses a job at once when the queue is full (busy), and takes jobs again once it drains', async () => {
    const p = makePool({ maxWaiting: 1 });
    const running = p.run(job('sleep:200'));
    const waiting = p.run(job('sleep:10'));
    await expect(p.run(job('ok'))).resolves.toEqual({ ok: false, reason: 'busy' });
    await Promise.all([running, waiting]);
    await expect(p.run(job('ok:again'))).resolves.toMatchObject({ ok: true, value: { done: 'again' } });
  });

  it.each([
    ['waits', 'sleep:10000'],
    ['never yields (a runaway in native code looks the same from outside)', 'spin'],
  ])('stops a job that %s past the timeout by killing its process; the next job gets a fresh one', async (_, what) => {
    const p = makePool({ timeoutMs: 1_000 });
    const started = performance.now();
    const slow = p.run(job(what));
    const next = p.run(job('ok:next'));
    const stopped = await slow;
    expect(stopped).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(5_000);
    const fresh = await next;
    expect(fresh).toMatchObject({ ok: true, value: { done: 'next' } });
  });

  it('hands the worker script its niceness (RECOGNITION_NICENESS) as its first argument', async () => {
    await expect(makePool({ niceness: 7 }).run(job('argv'))).resolves.toMatchObject({ ok: true, value: { done: '7' } });
  });

  it('keeps a worker between jobs and lets it exit once idle', async () => {
    const p = makePool({ idleTimeoutMs: 300 });
    const first = await p.run(job('ok:first'));
    const second = await p.run(job('ok:second'));
    expect(first.ok && second.ok && first.value.workerPid === second.value.workerPid).toBe(true);
    expect(p.started).toBe(true);
    await expect.poll(() => p.started, { timeout: 3_000 }).toBe(false);
    await expect(p.run(job('ok:again'))).resolves.toMatchObject({ ok: true, value: { done: 'again' } });
  });

  it.each([
    ['throws', 'throw'],
    ['exits', 'exit'],
    ['runs out of heap', 'oom'],
  ])('fails only the job whose worker %s; the next job succeeds and this process lives on', async (_, what) => {
    const p = makePool();
    const [bad, good] = await Promise.all([p.run(job(what)), p.run(job('ok:after'))]);
    expect(bad).toMatchObject({ ok: false, reason: 'error' });
    expect(good).toMatchObject({ ok: true, value: { done: 'after' } });
    // The job ran in a process of its own; this one is untouched.
    expect(good.ok && good.value.workerPid).not.toBe(process.pid);
    expect(p.size).toBe(0);
  });
});
