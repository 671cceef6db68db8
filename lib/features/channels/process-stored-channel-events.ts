import { countChannelEventAttempt, listStalledChannelEvents } from '@/db/queries/channels';
import { errorKind, log } from '@/lib/ops/log';
import { applyChannelEvent, type ChannelEventOutcome } from './apply-channel-event';
import type { ServiceContext } from '../context';

/** A stored event whose processing failed this many times is left for an operator (it stays `received`, visible). */
export const MAX_EVENT_ATTEMPTS = 10;

/**
 * The retry half of store-then-process (SECURITY A6): applies stored callbacks whose
 * processing failed or never ran. Safe to run on many workers at once — each event is
 * claimed with SKIP LOCKED and applied only while still `received`, so exactly once.
 * `graceSeconds` leaves fresh events to the request that stored them.
 */
export async function processStoredChannelEvents(ctx: ServiceContext, options: { graceSeconds?: number; limit?: number } = {}) {
  const now = await ctx.clock.now();
  const before = new Date(now.getTime() - (options.graceSeconds ?? 30) * 1000);
  const ids = await listStalledChannelEvents(ctx.db, before, MAX_EVENT_ATTEMPTS, options.limit ?? 100);
  const counts: Record<ChannelEventOutcome['status'] | 'failed', number> = { processed: 0, ignored: 0, skipped: 0, failed: 0 };
  for (const id of ids) {
    // Counted outside the transaction, so that a failing attempt is still counted.
    await countChannelEventAttempt(ctx.db, id);
    try {
      counts[(await applyChannelEvent(ctx, id)).status] += 1;
    } catch (error) {
      counts.failed += 1;
      log.warn({ event: 'channel_event.retry_failed', eventId: id, ...errorKind(error) });
    }
  }
  return counts;
}
