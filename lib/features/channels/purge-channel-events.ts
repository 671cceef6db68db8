import { deleteSettledChannelEvents } from '@/db/queries/channels';
import type { ServiceContext } from '../context';

/** SECURITY A4: webhook-ids are kept at least 3 days, so a retry within a channel's retry window is still recognised. */
export const MIN_EVENT_RETENTION_DAYS = 3;

/**
 * Deletes processed and ignored callback events older than `keepDays` (default 7).
 * Events still `received` or `deferred` are kept: they have not been handled yet.
 */
export async function purgeChannelEvents(ctx: ServiceContext, options: { keepDays?: number } = {}): Promise<{ deleted: number }> {
  const keepDays = Math.max(MIN_EVENT_RETENTION_DAYS, options.keepDays ?? 7);
  const now = await ctx.clock.now();
  const deleted = await deleteSettledChannelEvents(ctx.db, new Date(now.getTime() - keepDays * 24 * 3600 * 1000));
  return { deleted };
}
