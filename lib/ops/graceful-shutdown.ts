import { closeDatabase } from '@/db/client';
import { beginShutdown } from './lifecycle';
import { errorKind, log } from './log';

export interface GracefulShutdownOptions {
  /** `web`: `next start` closes its HTTP server itself and then calls process.exit; `worker`: nothing listens. */
  role: 'web' | 'worker';
  graceMs: number;
  /** What must end before the pool closes (the job runners), each given the grace period. */
  stop: readonly ((options: { graceMs: number }) => Promise<void>)[];
  /** What must end after the last request and before the pool closes (web: the callbacks' queued batches, docs/decisions/0035), within the grace period. */
  afterRequests?: readonly (() => Promise<void>)[];
}

const holder = globalThis as unknown as { __gracefulShutdown?: true };

/**
 * SIGTERM / SIGINT (docs/decisions/0017): /api/ready turns 503, the jobs stop claiming and
 * finish (aborted after `graceMs`), in-flight requests finish (web) and then what they left
 * running (`afterRequests`), then the pool closes and the process exits 0.
 *
 * Web: `next start` has its own handler (start-server.js), registered first: it closes the
 * HTTP server — no new connections, in-flight requests run to their end — and then calls
 * process.exit(143). That exit is held here until the jobs and the pool are done, and made
 * 0 (a requested stop is not a failure); past the grace period the process exits without
 * waiting for Next any longer.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): void {
  if (holder.__gracefulShutdown) return;
  holder.__gracefulShutdown = true;
  let begun = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (begun) return;
    begun = true;
    beginShutdown();
    log.info({ event: 'shutdown.begin', role: options.role, signal, graceMs: options.graceMs });
    const exit = process.exit.bind(process);
    let serverClosed: () => void = () => {};
    const nextDone = new Promise<void>((resolve) => (serverClosed = resolve));
    if (options.role === 'web') {
      process.exit = (() => serverClosed()) as typeof process.exit;
    } else {
      serverClosed();
    }
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, options.graceMs)));
    void (async () => {
      let code = 0;
      try {
        await Promise.all(options.stop.map((stop) => stop({ graceMs: options.graceMs })));
        await Promise.race([nextDone, graceOver]);
        await Promise.race([Promise.all((options.afterRequests ?? []).map((settle) => settle())), graceOver]);
        clearTimeout(graceTimer);
        await closeDatabase();
      } catch (error) {
        code = 1;
        log.error({ event: 'shutdown.failed', ...errorKind(error) });
      }
      log.info({ event: 'shutdown.done', role: options.role, code });
      exit(code);
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
