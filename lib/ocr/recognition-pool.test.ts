import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recognitionPool } from './recognition-pool';

const filename = path.join(import.meta.dirname, 'recognition-pool.test-worker.mjs');
const job = (text: string) => new TextEncoder().encode(text);

let pool: ReturnType<typeof recognitionPool<{ done: string; threadPid: number }>> | undefined;
function makePool(overrides: Partial<Parameters<typeof recognitionPool>[0]> = {}) {
  pool = recognitionPool<{ done: string; threadPid: number }>({ filename, threads: 1, maxWaiting: 8, timeoutMs: 5_000, maxHeapMb: 32, idleTimeoutMs: 60_000, ...overrides });
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

  it('stops a job that runs past the timeout; the next job gets a fresh worker', async () => {
    const p = makePool({ timeoutMs: 300 });
    const started = performance.now();
    const slow = p.run(job('sleep:10000'));
    const next = p.run(job('ok:next'));
    await expect(slow).resolves.toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3_000);
    await expect(next).resolves.toMatchObject({ ok: true, value: { done: 'next' } });
  });

  it.each([
    ['throws', 'throw'],
    ['exits', 'exit'],
    ['runs out of heap', 'oom'],
  ])('fails only the job whose worker %s; the next job succeeds and this process lives on', async (_, what) => {
    const p = makePool();
    const [bad, good] = await Promise.all([p.run(job(what)), p.run(job('ok:after'))]);
    expect(bad).toMatchObject({ ok: false, reason: 'error' });
    expect(good).toMatchObject({ ok: true, value: { done: 'after', threadPid: process.pid } });
    expect(p.size).toBe(0);
  });
});
