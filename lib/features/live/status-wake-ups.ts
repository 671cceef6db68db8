import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { listenStatusChanges } from '@/db/queries/status-changes';
import { errorKind, log } from '@/lib/ops/log';

/**
 * Wake-ups for pages waiting on a verification (docs/decisions/0019): per database, the
 * waiters of each account. Raised in-process where a callback's result is applied and,
 * on PostgreSQL, by the other instances through LISTEN/NOTIFY. A wake-up only says
 * "read again": the waiter's own read of the database is the truth.
 *
 * On globalThis: Next.js may load this module once per bundle layer, and the callback
 * route and the status routes must meet in the same table.
 */
interface Hub {
  waiters: Map<string, Set<() => void>>;
  /** Resolves true once this process listens to the other instances. */
  listening?: Promise<boolean>;
}

const holder = globalThis as unknown as { __statusWakeUps?: { process: string; hubs: WeakMap<Db, Hub> } };
const state = (holder.__statusWakeUps ??= { process: randomUUID(), hubs: new WeakMap() });

/** This process's name in the notifications it sends (it ignores its own). */
export const PROCESS_ID = state.process;

function hubOf(db: Db): Hub {
  let hub = state.hubs.get(db);
  if (!hub) state.hubs.set(db, (hub = { waiters: new Map() }));
  return hub;
}

/** Calls `wake` whenever `accountId`'s verifications may have moved; answers the unsubscribe. */
export function onStatusChange(db: Db, accountId: string, wake: () => void): () => void {
  const { waiters } = hubOf(db);
  let set = waiters.get(accountId);
  if (!set) waiters.set(accountId, (set = new Set()));
  set.add(wake);
  return () => {
    set.delete(wake);
    if (set.size === 0 && waiters.get(accountId) === set) waiters.delete(accountId);
  };
}

export function wakeWaiters(db: Db, accountIds: Iterable<string>): void {
  const { waiters } = hubOf(db);
  for (const id of accountIds) for (const wake of waiters.get(id) ?? []) wake();
}

/**
 * Starts listening to the other instances once per database and process. False on PGlite
 * and while PostgreSQL refuses: then only the waiters' re-checks bound the delay.
 */
export function listenToOtherInstances(db: Db): Promise<boolean> {
  const hub = hubOf(db);
  hub.listening ??= listenStatusChanges(db, PROCESS_ID, (ids) => wakeWaiters(db, ids)).catch((error: unknown) => {
    log.warn({ event: 'status.listen_failed', ...errorKind(error) });
    hub.listening = undefined;
    return false;
  });
  return hub.listening;
}
