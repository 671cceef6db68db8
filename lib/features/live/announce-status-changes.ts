import { notifyStatusChanges } from '@/db/queries/status-changes';
import { errorKind, log } from '@/lib/ops/log';
import type { ServiceContext } from '../context';
import { PROCESS_ID, wakeWaiters } from './status-wake-ups';

/**
 * Says, after the commit, that these accounts' verifications moved: the pages waiting in
 * this process read again at once, and on PostgreSQL the other instances' too (NOTIFY).
 * Never throws: a lost announcement only costs a waiter its next re-check.
 */
export async function announceStatusChanges(ctx: ServiceContext, accountIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  wakeWaiters(ctx.db, ids);
  try {
    await notifyStatusChanges(ctx.db, PROCESS_ID, ids);
  } catch (error) {
    log.warn({ event: 'status.notify_failed', ...errorKind(error) });
  }
}
