import workerpool from 'workerpool';

/** Why a job got no answer; each costs only that upload a retry message. */
export type PoolFailure = 'busy' | 'timeout' | 'error';
export type PoolOutcome<T> = { ok: true; value: T } | { ok: false; reason: PoolFailure; error?: unknown };

export interface RecognitionPoolOptions {
  /** The worker script: a workerpool worker offering `recognise(bytes)`. */
  filename: string;
  /** Jobs running at once (one child process each). */
  threads: number;
  /** Jobs waiting beyond those running; one more is refused at once as `busy`. */
  maxWaiting: number;
  /** A job running this long has its process killed (and a fresh one starts for the next). */
  timeoutMs: number;
  /** The worker process's nice value (0–19), handed to the worker script as its first argument. */
  niceness: number;
  /** The worker's V8 heap; over it the worker dies and only its job fails. */
  maxHeapMb: number;
  /** Workers idle this long exit and free their engine; the next job starts one again (~1 s). */
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
 * Recognitions in child processes (workerpool, `workerType: 'process'`) behind one FIFO
 * queue of our own (workerpool's stays empty), so that each waiting job knows how many are
 * ahead of it: those running and those queued before it. A process, not a thread: a job
 * past its timeout is stopped by killing its process, which is safe whatever it is doing —
 * terminating a thread in the middle of native inference aborted the whole server
 * (onnxruntime). A worker that throws, exits or runs out of heap fails its one job
 * (`error`); the next job gets a fresh process.
 */
export function recognitionPool<T>(options: RecognitionPoolOptions) {
  let workers: workerpool.Pool | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const processes = () =>
    (workers ??= workerpool.pool(options.filename, {
      workerType: 'process',
      maxWorkers: options.threads,
      // Image bytes travel as bytes, not as JSON; the heap bound is the child's own, and its
      // GC runs on its main thread (one recognition, one core: recognition-worker.mjs).
      forkOpts: { serialization: 'advanced', execArgv: [`--max-old-space-size=${options.maxHeapMb}`, '--single-threaded-gc'] },
      forkArgs: [String(options.niceness)],
      workerTerminateTimeout: 1_000,
    }));

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
    if (running === 0 && waiting.length === 0) idleTimer = setTimeout(stopWorkers, options.idleTimeoutMs).unref();
  };

  async function stopWorkers() {
    const stopping = workers;
    workers = undefined;
    await stopping?.terminate(true);
  }

  async function execute(bytes: Uint8Array): Promise<PoolOutcome<T>> {
    clearTimeout(idleTimer);
    try {
      return { ok: true, value: (await processes().exec('recognise', [bytes]).timeout(options.timeoutMs)) as T };
    } catch (error) {
      return { ok: false, reason: error instanceof workerpool.Promise.TimeoutError ? 'timeout' : 'error', error };
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
    /** Whether a worker process is up (it exits after `idleTimeoutMs` without a job). */
    get started() {
      return workers !== undefined;
    },
    /** Stops the workers (tests, shutdown); jobs still running fail as `error`. */
    destroy: () => {
      clearTimeout(idleTimer);
      return stopWorkers();
    },
  };
}
