import { Piscina } from 'piscina';

/** Why a job got no answer; each costs only that upload a retry message. */
export type PoolFailure = 'busy' | 'timeout' | 'error';
export type PoolOutcome<T> = { ok: true; value: T } | { ok: false; reason: PoolFailure; error?: unknown };

export interface RecognitionPoolOptions {
  /** The worker module: its default export takes the image bytes. */
  filename: string;
  /** Jobs running at once (one worker thread each). */
  threads: number;
  /** Jobs waiting beyond those running; one more is refused at once as `busy`. */
  maxWaiting: number;
  /** A job running this long has its worker stopped (and replaced). */
  timeoutMs: number;
  /** The worker's V8 heap; over it the worker dies and only its job fails. */
  maxHeapMb: number;
  /** A worker idle this long exits and frees its engine; the next job starts one again (~1 s). */
  idleTimeoutMs: number;
  /** Hears every change of the jobs waiting or running (a metric). */
  onSize?: (size: number) => void;
}

interface Job {
  bytes: Uint8Array;
  onPlace?: (ahead: number) => void;
  told?: number;
  start: () => void;
}

function tell(job: Job, ahead: number) {
  if (job.told === ahead) return;
  job.told = ahead;
  job.onPlace?.(ahead);
}

/**
 * Recognitions in worker threads behind one FIFO queue of our own (piscina's queue stays
 * empty), so that each waiting job knows how many are ahead of it: those running and
 * those queued before it. A worker that throws, exits or runs out of heap fails its one
 * job (`error`); piscina starts a fresh worker for the next.
 */
export function recognitionPool<T>(options: RecognitionPoolOptions) {
  const piscina = new Piscina({
    filename: options.filename,
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: options.idleTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
  });
  const waiting: Job[] = [];
  let running = 0;

  const sizeChanged = () => options.onSize?.(running + waiting.length);
  const tellPlaces = () => waiting.forEach((job, i) => tell(job, running + i));
  const next = () => {
    while (running < options.threads && waiting.length > 0) {
      const job = waiting.shift()!;
      running += 1;
      tell(job, 0);
      job.start();
    }
    tellPlaces();
    sizeChanged();
  };

  async function execute(bytes: Uint8Array): Promise<PoolOutcome<T>> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      return { ok: true, value: (await piscina.run(bytes, { signal })) as T };
    } catch (error) {
      return { ok: false, reason: signal.aborted ? 'timeout' : 'error', error };
    }
  }

  return {
    /** Runs one job; `onPlace` hears how many jobs are ahead of it, first at once, 0 when it starts. */
    run(bytes: Uint8Array, onPlace?: (ahead: number) => void): Promise<PoolOutcome<T>> {
      if (waiting.length >= options.maxWaiting) return Promise.resolve({ ok: false, reason: 'busy' });
      return new Promise((resolve) => {
        const job: Job = {
          bytes,
          onPlace,
          start: () =>
            void execute(job.bytes).then((outcome) => {
              running -= 1;
              next();
              resolve(outcome);
            }),
        };
        waiting.push(job);
        next();
      });
    },
    /** Jobs waiting or running. */
    get size() {
      return running + waiting.length;
    },
    /** Stops the workers (tests, shutdown); jobs still running fail as `error`. */
    destroy: () => piscina.destroy(),
  };
}
