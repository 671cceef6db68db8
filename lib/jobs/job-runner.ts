import { log, errorKind } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import type { ServiceContext } from '@/lib/features/context';

/**
 * What a background job gets besides the database and the clock (issue 15):
 * `stopSignal` — shutdown began: claim nothing more, give back the leases of claimed rows
 * not yet started; `abortSignal` — the grace period is over: abort what is in flight and
 * give its leases back without counting a failed try. Both optional: a job that ignores
 * them is simply waited for (up to the grace period).
 */
export type JobContext = ServiceContext & { stopSignal?: AbortSignal; abortSignal?: AbortSignal };

export interface Job {
  /** Stable snake_case label value (metrics, logs). */
  name: string;
  run(ctx: JobContext, tick: number): Promise<unknown>;
}

export interface JobRunner {
  /**
   * Starts no further tick or job, fires stopSignal, and waits for the running job; after
   * `graceMs` fires abortSignal and waits at most `abortWaitMs` more (a job that honours
   * neither signal is then left behind: the process is about to exit).
   */
  stop(options: { graceMs: number; abortWaitMs?: number }): Promise<void>;
  /** Runs the named jobs now, outside the tick — or right after the running tick (a mail someone waits for). */
  runSoon(names: readonly string[]): void;
}

export interface JobRunnerOptions {
  jobs: readonly Job[];
  tickMs: number;
  context: () => Promise<ServiceContext>;
  /** A run longer than this is logged as slow (default: tickMs). */
  slowMs?: number;
}

const ABORT_WAIT_MS = 2_000;

/**
 * Runs `jobs` in order every `tickMs` (never two ticks at once; the first right away, so a
 * deadline that passed while no process ran applies on start). One failing job does not
 * keep the others from running.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const stopping = new AbortController();
  const aborting = new AbortController();
  const slowMs = options.slowMs ?? options.tickMs;
  let ticks = 0;
  let current: Promise<void> | undefined;
  let currentJob: string | undefined;

  async function runJob(job: Job, ctx: JobContext, n: number) {
    const started = performance.now();
    currentJob = job.name;
    try {
      await job.run(ctx, n);
    } catch (error) {
      metrics.jobFailures.inc({ job: job.name });
      log.error({ event: 'job.failed', job: job.name, ...errorKind(error) });
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.jobTickSeconds.observe({ job: job.name }, seconds);
      if (seconds * 1000 > slowMs) log.warn({ event: 'job.slow', job: job.name, ms: Math.round(seconds * 1000) });
    }
  }

  /** `only`: the jobs of a runSoon, run with the last tick's number (counted jobs keep their rhythm). */
  async function tick(only?: ReadonlySet<string>) {
    const n = only ? Math.max(0, ticks - 1) : ticks++;
    let service: ServiceContext;
    try {
      service = await options.context();
    } catch (error) {
      log.error({ event: 'job.tick_failed', ...errorKind(error) });
      return;
    }
    const ctx: JobContext = { ...service, stopSignal: stopping.signal, abortSignal: aborting.signal };
    for (const job of options.jobs) {
      if (only && !only.has(job.name)) continue;
      // The jobs not yet started in this tick run in the next process's first tick.
      if (stopping.signal.aborted) return;
      await runJob(job, ctx, n);
    }
  }

  // Jobs asked for by runSoon while a tick ran: they run once it ends.
  const soon = new Set<string>();

  function startTick(only?: ReadonlySet<string>) {
    if (stopping.signal.aborted) return;
    if (current) {
      for (const name of only ?? []) soon.add(name);
      return;
    }
    current = tick(only).finally(() => {
      current = undefined;
      if (soon.size === 0) return;
      const next = new Set(soon);
      soon.clear();
      startTick(next);
    });
  }

  const timer = setInterval(startTick, options.tickMs);
  timer.unref?.();
  startTick();

  return {
    runSoon(names) {
      const known = new Set(options.jobs.map((j) => j.name));
      const wanted = new Set(names.filter((name) => known.has(name)));
      if (wanted.size > 0) startTick(wanted);
    },
    async stop({ graceMs, abortWaitMs = ABORT_WAIT_MS }) {
      clearInterval(timer);
      stopping.abort();
      const running = current;
      if (!running) return;
      let deadline: ReturnType<typeof setTimeout> | undefined;
      const graceOver = new Promise<'grace_over'>((resolve) => (deadline = setTimeout(() => resolve('grace_over'), graceMs)));
      try {
        if ((await Promise.race([running.then(() => 'done' as const), graceOver])) === 'done') return;
      } finally {
        clearTimeout(deadline);
      }
      aborting.abort();
      log.warn({ event: 'job.aborted', job: currentJob, graceMs });
      let waited: ReturnType<typeof setTimeout> | undefined;
      const left = await Promise.race([
        running.then(() => false),
        new Promise<boolean>((resolve) => (waited = setTimeout(() => resolve(true), abortWaitMs))),
      ]);
      clearTimeout(waited);
      if (left) log.error({ event: 'job.abandoned', job: currentJob, abortWaitMs });
    },
  };
}
