import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { fixedClock } from '@/lib/clock';
import { metrics } from '@/lib/ops/metrics';
import { startJobRunner, type Job, type JobContext } from './job-runner';

const context = async () => ({ db: {} as Db, clock: fixedClock('2026-01-05T02:00:00.000Z') });
const HOUR = 3_600_000;

/** A series' value; `series` names a histogram's _count or _sum. */
async function metricValue(name: string, job: string, series = name): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = metric?.values.find((v) => v.labels.job === job && ((v as { metricName?: string }).metricName ?? name) === series);
  return value?.value ?? 0;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the job runner', () => {
  it('runs every job of a tick in order; a failing job is counted and logged, the next ones still run; each run is timed', async () => {
    const ran: string[] = [];
    const done = deferred();
    const jobs: Job[] = [
      { name: 'unit_first', run: async () => void ran.push('unit_first') },
      {
        name: 'unit_failing',
        run: async () => {
          ran.push('unit_failing');
          throw new Error('boom');
        },
      },
      { name: 'unit_last', run: async () => (ran.push('unit_last'), done.resolve()) },
    ];
    const failuresBefore = await metricValue('realname_job_failures_total', 'unit_failing');
    const runner = startJobRunner({ jobs, tickMs: HOUR, context });
    await done.promise;
    await runner.stop({ graceMs: 1_000 });

    expect(ran).toEqual(['unit_first', 'unit_failing', 'unit_last']);
    expect(await metricValue('realname_job_failures_total', 'unit_failing')).toBe(failuresBefore + 1);
    expect(await metricValue('realname_job_failures_total', 'unit_first')).toBe(0);
    for (const job of ['unit_first', 'unit_failing', 'unit_last']) expect(await metricValue('realname_job_run_seconds', job, 'realname_job_run_seconds_count')).toBe(1);
  });

  it('runSoon: runs only the named job at once between ticks, and right after a running tick (never two at once)', async () => {
    const ran: string[] = [];
    const firstTick = deferred();
    const release = deferred();
    let running = 0;
    let overlapped = false;
    const track = async (name: string, wait?: Promise<void>) => {
      running += 1;
      overlapped ||= running > 1;
      ran.push(name);
      await wait;
      running -= 1;
    };
    const jobs: Job[] = [
      { name: 'unit_slow', run: async () => (firstTick.resolve(), track('unit_slow', ran.length === 0 ? release.promise : undefined)) },
      { name: 'unit_outbox', run: () => track('unit_outbox') },
    ];
    const runner = startJobRunner({ jobs, tickMs: HOUR, context });
    await firstTick.promise;
    // Asked while the first tick runs: after it, once, alone.
    runner.runSoon(['unit_outbox', 'unit_unknown']);
    runner.runSoon(['unit_outbox']);
    release.resolve();
    await expect.poll(() => ran.length).toBe(3);
    // Asked between ticks: at once, alone.
    runner.runSoon(['unit_outbox']);
    await expect.poll(() => ran.length).toBe(4);
    await runner.stop({ graceMs: 1_000 });

    expect(ran).toEqual(['unit_slow', 'unit_outbox', 'unit_outbox', 'unit_outbox']);
    expect(overlapped).toBe(false);
  });

  it('stop: fires stopSignal, waits for the running job, and starts none after it', async () => {
    const started = deferred();
    const seen: { stopped?: boolean; aborted?: boolean } = {};
    let laterRan = false;
    const jobs: Job[] = [
      {
        name: 'unit_running',
        run: async (ctx: JobContext) => {
          started.resolve();
          await new Promise<void>((resolve) => ctx.stopSignal!.addEventListener('abort', () => resolve()));
          await new Promise((r) => setTimeout(r, 50));
          seen.stopped = ctx.stopSignal!.aborted;
          seen.aborted = ctx.abortSignal!.aborted;
        },
      },
      { name: 'unit_later', run: async () => void (laterRan = true) },
    ];
    const runner = startJobRunner({ jobs, tickMs: HOUR, context });
    await started.promise;
    await runner.stop({ graceMs: 5_000 });

    expect(seen).toEqual({ stopped: true, aborted: false });
    expect(laterRan).toBe(false);
  });

  it('a job still running when the grace period is over gets abortSignal; one that ignores it is left behind after the abort wait', async () => {
    const started = deferred();
    let abortedAt: number | undefined;
    const t0 = performance.now();
    const jobs: Job[] = [
      {
        name: 'unit_stubborn',
        run: async (ctx: JobContext) => {
          ctx.abortSignal!.addEventListener('abort', () => (abortedAt = performance.now() - t0));
          started.resolve();
          await new Promise((r) => setTimeout(r, HOUR).unref());
        },
      },
    ];
    const runner = startJobRunner({ jobs, tickMs: HOUR, context });
    await started.promise;
    await runner.stop({ graceMs: 200, abortWaitMs: 100 });
    const stoppedAt = performance.now() - t0;

    expect(abortedAt).toBeGreaterThanOrEqual(190);
    expect(stoppedAt).toBeGreaterThanOrEqual(290);
    expect(stoppedAt).toBeLessThan(1_000);
  });
});
