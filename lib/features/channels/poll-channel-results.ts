import { claimChannelSessionsToPoll } from '@/db/queries/channels';
import { resultFetcher } from '@/lib/channels/results';
import { nextPollAt, SESSION_CHANNELS } from '@/lib/domain/channel-session';
import { errorKind, log } from '@/lib/ops/log';
import { pullChannelResult, type PullOutcome } from './pull-channel-result';
import type { ChannelServiceContext } from './send-channel-request';

/**
 * The poll half of pulled results: for every session channel whose configured provider
 * answers by token, asks for the result of each open session until it settles or its
 * deadline passes (then expire-channel-sessions expires it) — each session as often as
 * POLL_SCHEDULE says for its age, at most `limit` per channel and run, each ask claimed by
 * one poller. Channels whose provider pushes only are not polled — with the
 * simulator everywhere this does nothing.
 */
export async function pollChannelResults(ctx: ChannelServiceContext, options: { limit?: number } = {}) {
  const counts: Record<PullOutcome | 'failed', number> = { pending: 0, stored: 0, duplicate: 0, not_open: 0, failed: 0 };
  for (const channel of SESSION_CHANNELS) {
    if (!resultFetcher(channel)) continue;
    const now = await ctx.clock.now();
    const open = await claimChannelSessionsToPoll(ctx.db, channel, now, options.limit ?? 50, (session) => nextPollAt(session.createdAt, now));
    for (const session of open) {
      try {
        counts[(await pullChannelResult(ctx, { channel, token: session.externalSessionId })).pulled] += 1;
      } catch (error) {
        counts.failed += 1;
        log.warn({ event: 'channel_result.poll_failed', channel, sessionId: session.id, ...errorKind(error) });
      }
    }
  }
  return counts;
}
