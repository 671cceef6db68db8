import { randomUUID } from 'node:crypto';
import type { Tx } from '@/db/client';
import { claimPendingChannelRequest, lockChannelRequestScope, markChannelRequestSucceeded, recordChannelRequestFailure } from '@/db/queries/channels';
import { ChannelFailure, type ChannelTransport } from '@/lib/channels/http-client';
import type { Channel } from '@/lib/channels/names';
import type { ServiceContext } from '../context';

/** A service context that may route channel requests through a transport of its own (tests: a fake fetch). */
export type ChannelServiceContext = ServiceContext & { channelTransport?: ChannelTransport };

export interface ChannelRequestSteps<A, R> {
  /** A result that makes the call unnecessary (e.g. a live session for the same reference). */
  existing?: (tx: Tx, now: Date) => Promise<R | undefined>;
  call: (idempotencyKey: string, transport: ChannelTransport | undefined) => Promise<A>;
  /** Stores what the answer means, in the transaction that marks the request succeeded. */
  settle: (tx: Tx, answer: A, idempotencyKey: string, now: Date) => Promise<R>;
}

/**
 * Sends one request with an effect to a channel (SECURITY 30): the idempotency key is
 * saved in channel_requests BEFORE the call, and a retry — after a timeout, a 5xx or a
 * crash of this process — finds the pending request and sends the same key again, so
 * the channel performs the effect once.
 *
 * Claiming the key (with the `existing` check) and settling the answer hold the same
 * per-(channel, operation, reference) lock, so a caller either sees the settled result
 * or shares the pending key — two racing submits never make two effects. The HTTP call
 * itself runs outside any transaction.
 *
 * A timeout or 5xx leaves the request pending (its outcome is unknown); a 4xx or an
 * unparseable answer closes it as failed (the channel would repeat that answer).
 */
export async function sendChannelRequest<A, R>(
  ctx: ChannelServiceContext,
  request: { channel: Channel; operation: string; reference: string },
  steps: ChannelRequestSteps<A, R>,
): Promise<R> {
  // Read before the transaction: the clock may query the database, and on PGlite
  // (one connection) a query outside the open transaction would wait for it forever.
  const startedAt = await ctx.clock.now();
  const claim = await ctx.db.transaction(async (tx) => {
    await lockChannelRequestScope(tx, request);
    const now = startedAt;
    const done = await steps.existing?.(tx, now);
    if (done !== undefined) return { done };
    const pending = await claimPendingChannelRequest(tx, { ...request, newKey: randomUUID(), now });
    return { key: pending!.idempotencyKey };
  });
  if ('done' in claim) return claim.done as R;
  const { key } = claim;

  let answer: A;
  try {
    answer = await steps.call(key, ctx.channelTransport);
  } catch (error) {
    if (error instanceof ChannelFailure) {
      await recordChannelRequestFailure(ctx.db, key, {
        kind: error.kind,
        httpStatus: error.info.httpStatus,
        final: !error.outcomeUnknown,
        now: await ctx.clock.now(),
      });
    }
    throw error;
  }

  const now = await ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockChannelRequestScope(tx, request);
    // A concurrent caller that shared the key may have settled first; `settle` then finds its result.
    await markChannelRequestSucceeded(tx, key, answer, now);
    return steps.settle(tx, answer, key, now);
  });
}
