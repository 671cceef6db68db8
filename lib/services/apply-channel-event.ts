import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChannelSessionByExternalId, lockReceivedChannelEvent, markChannelEvent, settleChannelSession } from '@/db/queries/channels';
import type { ChannelEventRow, ChannelSessionRow } from '@/db/schema';
import { callbackMeaning, isCallbackChannel, parseCallbackBody, type CallbackBody } from '@/lib/channels/callback-events';
import { decideChannelSignal, type ChannelSessionState } from '@/lib/domain/channel-session';
import { decryptField } from '@/lib/security/crypto';
import type { ServiceContext } from './context';
import { handleSettledChannelSession } from './handle-settled-channel-session';

export const CHANNEL_EVENT_PAYLOAD_CONTEXT = 'channel_event.payload';

export type ChannelEventOutcome =
  | { status: 'processed'; sessionId: string; state: ChannelSessionState }
  | { status: 'ignored'; reason: string }
  | { status: 'deferred' }
  /** Already processed, or being processed by another worker right now. */
  | { status: 'skipped' };

/**
 * Processes one stored callback (SECURITY A4–A6), in one transaction: claim the event
 * row while it is still `received` (SKIP LOCKED — one worker at a time), lock the
 * session FOR UPDATE, let the domain table decide, write the transition and its audit
 * row, mark the event. A late, unknown or out-of-order event changes nothing and is
 * audited as ignored. Throws when the database fails: the event stays `received` and
 * is retried (process-stored-channel-events, or the channel's next delivery).
 */
export async function applyChannelEvent(ctx: ServiceContext, eventId: string, known?: { body: CallbackBody }): Promise<ChannelEventOutcome> {
  const now = await ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await lockReceivedChannelEvent(tx, eventId);
    if (!event) return { status: 'skipped' };
    const body = known?.body ?? storedBody(event);
    if (!body || !isCallbackChannel(event.channel)) return ignore(tx, event, 'unreadable_payload', now);

    const meaning = callbackMeaning(event.channel, body);
    if (meaning.kind === 'deferred') {
      await markChannelEvent(tx, event.id, { status: 'deferred', outcome: 'no_handler_yet', now });
      await appendAudit(tx, {
        at: now,
        action: 'channel_event.deferred',
        target: `channel_event:${event.id}`,
        data: { channel: event.channel, type: event.type, webhookId: event.webhookId },
      });
      return { status: 'deferred' };
    }

    const session = await lockChannelSessionByExternalId(tx, meaning.channel, meaning.sessionId);
    if (!session) return ignore(tx, event, 'unknown_session', now);
    if (session.reference !== meaning.reference) return ignore(tx, event, 'reference_mismatch', now, session);

    const decision = decideChannelSignal(session, meaning.signal, now);
    if (decision.kind === 'ignored') return ignore(tx, event, decision.reason, now, session);

    const settledByResult = decision.to !== 'expired';
    const result = settledByResult && meaning.signal.kind === 'completed' ? meaning.signal.result : null;
    const settled = await settleChannelSession(tx, session.id, {
      state: decision.to,
      result,
      birthDate: settledByResult ? meaning.birthDate : null,
      verifiedEnterpriseName: settledByResult ? meaning.verifiedEnterpriseName : null,
      now,
    });
    // Locked FOR UPDATE and open: the guard cannot miss — unless the schema and this code disagree.
    if (!settled) throw new Error('channel session changed under its row lock');
    await appendAudit(tx, {
      at: now,
      action: `channel_session.${decision.to}`,
      accountId: session.accountId,
      target: `channel_session:${session.id}`,
      data: {
        channel: session.channel,
        purpose: session.purpose,
        reference: session.reference,
        result,
        webhookId: event.webhookId,
        ...(decision.lateCompletion ? { lateCompletion: true } : {}),
      },
    });
    await markChannelEvent(tx, event.id, { status: 'processed', outcome: decision.to, now });
    await handleSettledChannelSession(tx, settled, now);
    return { status: 'processed', sessionId: session.id, state: decision.to };
  });
}

function storedBody(event: ChannelEventRow): CallbackBody | null {
  if (!isCallbackChannel(event.channel)) return null;
  return parseCallbackBody(event.channel, decryptField(event.payloadEnc, CHANNEL_EVENT_PAYLOAD_CONTEXT));
}

async function ignore(tx: Tx, event: ChannelEventRow, reason: string, now: Date, session?: ChannelSessionRow): Promise<ChannelEventOutcome> {
  await markChannelEvent(tx, event.id, { status: 'ignored', outcome: reason, now });
  // SECURITY A5: answered 2xx, changes nothing, and is logged.
  await appendAudit(tx, {
    at: now,
    action: 'channel_event.ignored',
    accountId: session?.accountId ?? null,
    target: session ? `channel_session:${session.id}` : `channel_event:${event.id}`,
    data: { channel: event.channel, type: event.type, webhookId: event.webhookId, reason, state: session?.state ?? null },
  });
  return { status: 'ignored', reason };
}
