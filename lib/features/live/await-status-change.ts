import { performance } from 'node:perf_hooks';
import { crossesProcesses } from '@/db/queries/status-changes';
import type { ServiceContext } from '../context';
import { listenToOtherInstances, onStatusChange } from './status-wake-ups';

/** What a waiting page last saw: `sessionState` '' for no open session. */
export interface KnownStatus {
  state: string;
  sessionState: string;
}

/**
 * How long a request is held: short enough that a page waiting for a reviewer still asks
 * every few seconds (the 审核中 pages' e2e journey counts its polls), long enough to save
 * most of the requests of a fixed 2 s poll.
 */
export const HOLD_MS = 5_000;
/** Re-reads when no wake-up came: every change nobody announces (deadlines, reviews, the bank) is seen within this. */
export const RECHECK_MS = { listening: 2_000, alone: 300 } as const;

/**
 * The long-poll behind the status routes (docs/decisions/0019): reads the status with
 * `read` and answers as soon as it differs from `known`, or after `holdMs` with the
 * status unchanged, or at once when `signal` aborts (the page left, the process shuts
 * down). In between it reads again when a wake-up for `accountId` comes and at least
 * every re-check interval: 300 ms alone (PGlite; PostgreSQL while not listening), 2 s
 * while the other instances' announcements reach this one. Holds no connection while it
 * waits.
 */
export async function awaitStatusChange<S extends { state: string; sessionState: string | null }>(
  ctx: ServiceContext,
  accountId: string,
  read: () => Promise<S>,
  known: KnownStatus,
  options: { signal?: AbortSignal; holdMs?: number } = {},
): Promise<S> {
  const until = performance.now() + (options.holdMs ?? HOLD_MS);
  const listening = crossesProcesses(ctx.db) ? await listenToOtherInstances(ctx.db) : false;
  const recheckMs = listening ? RECHECK_MS.listening : RECHECK_MS.alone;

  let woken = false;
  let wake: (() => void) | undefined;
  const unsubscribe = onStatusChange(ctx.db, accountId, () => {
    woken = true;
    wake?.();
  });
  try {
    for (;;) {
      woken = false;
      const status = await read();
      const left = until - performance.now();
      if (status.state !== known.state || (status.sessionState ?? '') !== known.sessionState || left <= 0 || options.signal?.aborted) return status;
      // A wake-up that came during the read is not lost: read again at once.
      if (woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(recheckMs, left));
        options.signal?.addEventListener('abort', done, { once: true });
        wake = done;
        function done() {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', done);
          wake = undefined;
          resolve();
        }
      });
    }
  } finally {
    unsubscribe();
  }
}
