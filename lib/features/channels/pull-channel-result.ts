import { createHash } from 'node:crypto';
import { z } from 'zod';
import { findChannelRequest, findChannelSession, findChannelSessionByExternalId } from '@/db/queries/channels';
import type { ChannelSessionRow } from '@/db/schema';
import { toChannelEvent } from '@/lib/channels/events';
import { ChannelFailure } from '@/lib/channels/http-client';
import { resultFetcher } from '@/lib/channels/results';
import { effectiveState, SESSION_CHANNELS, type SessionChannel } from '@/lib/domain/channel-session';
import { AppError } from '@/lib/errors';
import { toChannelSessionView, type ChannelSessionView } from './get-channel-session';
import { sessionIdentityIndex } from './open-channel-session';
import { recordChannelEvent } from './record-channel-event';
import type { ChannelServiceContext } from './send-channel-request';

export const pullChannelResultSchema = z.object({
  channel: z.enum(SESSION_CHANNELS),
  /** The provider's own id of the session (the token it redirected back with). */
  token: z.string().min(1).max(255),
  /** Our reference, when the caller has one (the return page's `ref`): the token must be that session's. */
  reference: z.string().min(1).max(255).optional(),
});

/**
 * - `pending`: the provider has no result yet (the session stays open);
 * - `stored`: a result, stored and applied like a pushed one (the session's state says what it did);
 * - `duplicate`: this result was stored before (another pull, a redirect racing the poll);
 * - `not_open`: the session had settled already (pushed, pulled, expired) — nothing asked.
 */
export type PullOutcome = 'pending' | 'stored' | 'duplicate' | 'not_open';

export interface PulledChannelResult {
  pulled: PullOutcome;
  /** The session after the pull. */
  session: ChannelSessionView;
  /** Whose session it is: the return page shows the result only to its owner. */
  accountId: string | null;
}

/**
 * One delivery id per session for every pull of its result: a result pulled twice
 * (the redirect and the poll at once) is stored once, unique per (channel, webhook-id)
 * like a repeated callback. Hashed: a token may be as long as the column.
 */
export function pulledDeliveryId(token: string): string {
  return `pull:${createHash('sha256').update(token).digest('hex')}`;
}

/**
 * The pull half of the channel port (docs/channel-protocol.md): the result of a session
 * whose provider answers by token — after the person is redirected back, or when a
 * job polls — fetched and then stored and applied through the SAME path as a pushed
 * callback (record-channel-event → apply-channel-event: store-then-process, dedup per
 * delivery id, the session's state machine under its row lock). A result pushed and
 * pulled at once is therefore applied once: whichever is applied second finds the
 * session settled and is recorded as ignored (SECURITY A5).
 *
 * The provider is told how to recognise our person (SessionToPull.isRequestedPerson):
 * keyed values of the identity the session was opened for, never the identity itself.
 * NOT_FOUND for a channel whose provider does not pull, an unknown token, or a token
 * that is not the session of the `reference` given (the return route's `ref`).
 */
export async function pullChannelResult(ctx: ChannelServiceContext, input: z.input<typeof pullChannelResultSchema>): Promise<PulledChannelResult> {
  const parsed = pullChannelResultSchema.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const { channel, token, reference } = parsed.data;
  const fetcher = resultFetcher(channel);
  if (!fetcher) throw new AppError('NOT_FOUND');
  const row = await findChannelSessionByExternalId(ctx.db, channel, token);
  if (!row || (reference !== undefined && row.reference !== reference)) throw new AppError('NOT_FOUND');
  const answer = async (pulled: PullOutcome, settled: ChannelSessionRow = row) => ({
    pulled,
    session: toChannelSessionView(settled, await ctx.clock.now()),
    accountId: settled.accountId,
  });
  if (effectiveState(row, await ctx.clock.now()) !== 'open') return answer('not_open');

  const isRequestedPerson = await requestedPerson(ctx, row);
  const result = await fetcher.fetchResult({ sessionId: token, reference: row.reference, isRequestedPerson }, ctx.channelTransport);
  if (!result.settled) return answer('pending');

  // A provider's event is checked like a callback's body: this channel's vocabulary, about this session.
  const event = toChannelEvent(channel, result.event);
  if (!event || !('sessionId' in event.data) || event.data.sessionId !== token) throw new ChannelFailure(channel, 'fetch_result', 'bad_response');

  const recorded = await recordChannelEvent(ctx, { channel, webhookId: pulledDeliveryId(token), body: event });
  return answer(recorded.duplicate ? 'duplicate' : 'stored', (await findChannelSession(ctx.db, row.id)) ?? row);
}

const ID_TYPES = ['resident_id', 'hk_macau_permit', 'taiwan_permit'] as const;

/** Whether a person a provider reports is the one the session was opened for: keyed comparison with the opening request's scope. */
async function requestedPerson(ctx: ChannelServiceContext, row: ChannelSessionRow): Promise<(person: { name: string; idNumber: string }) => boolean> {
  const opening = await findChannelRequest(ctx.db, row.idempotencyKey);
  // The scope is `${reference}:${keyed identity}` (open-channel-session's requestScope).
  const keyed = opening?.reference.startsWith(`${row.reference}:`) ? opening.reference.slice(row.reference.length + 1) : null;
  const channel: SessionChannel = row.channel;
  return (person) => {
    if (keyed === null || channel === 'oa') return false;
    const names = new Set([person.name, person.name.trim()]);
    // GB 11643's check character X may come back in either case.
    const numbers = new Set([person.idNumber, person.idNumber.trim().toUpperCase()]);
    for (const expectedName of names) {
      for (const idNumber of numbers) {
        if (channel === 'face' && sessionIdentityIndex({ channel, reference: row.reference, expectedName, idNumber }) === keyed) return true;
        if (channel !== 'face' && ID_TYPES.some((idType) => sessionIdentityIndex({ channel, reference: row.reference, expectedName, idNumber, idType }) === keyed)) return true;
      }
    }
    return false;
  };
}
