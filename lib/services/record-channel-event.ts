import { countChannelEventAttempt, findChannelEventByWebhookId, insertChannelEvent } from '@/db/queries/channels';
import { callbackMeaning, type CallbackBody, type CallbackChannel } from '@/lib/channels/callback-events';
import { encryptField } from '@/lib/security/crypto';
import { applyChannelEvent, CHANNEL_EVENT_PAYLOAD_CONTEXT, type ChannelEventOutcome } from './apply-channel-event';
import type { ServiceContext } from './context';

export type RecordChannelEventResult =
  | { duplicate: boolean; outcome: ChannelEventOutcome }
  /** Stored, but processing failed: it stays `received` and will be applied once, later. */
  | { duplicate: boolean; outcome: { status: 'received' } };

/**
 * The callback use case (SECURITY A4–A6): store, then process. The event is first
 * stored as `received`, unique per (channel, webhook-id) — a repeated delivery stops
 * there; then it is applied in a transaction of its own (apply-channel-event). If that
 * fails, the stored event is still acknowledged: it is retried by
 * process-stored-channel-events or by the channel's next delivery of the same id, and
 * applied exactly once (docs/decisions/0005-callbacks-store-then-process.md).
 */
export async function recordChannelEvent(
  ctx: ServiceContext,
  input: { channel: CallbackChannel; webhookId: string; body: CallbackBody },
): Promise<RecordChannelEventResult> {
  const now = await ctx.clock.now();
  const meaning = callbackMeaning(input.channel, input.body);
  const stored = await insertChannelEvent(ctx.db, {
    channel: input.channel,
    webhookId: input.webhookId,
    type: input.body.type,
    subjectId: meaning.kind === 'session' ? meaning.sessionId : meaning.subjectId,
    reference: meaning.reference,
    payloadEnc: encryptField(JSON.stringify(input.body), CHANNEL_EVENT_PAYLOAD_CONTEXT),
    receivedAt: now,
  });

  let eventId: string;
  let duplicate = false;
  if (stored) {
    eventId = stored.id;
  } else {
    // A repeated webhook-id: no second effect. Only an event whose processing failed before is tried again.
    duplicate = true;
    const existing = await findChannelEventByWebhookId(ctx.db, input.channel, input.webhookId);
    if (!existing || existing.status !== 'received') return { duplicate, outcome: { status: 'skipped' } };
    eventId = existing.id;
    await countChannelEventAttempt(ctx.db, eventId);
  }

  try {
    return { duplicate, outcome: await applyChannelEvent(ctx, eventId, duplicate ? undefined : { body: input.body }) };
  } catch (error) {
    // Logged without the payload (it may carry personal data, SECURITY 22).
    console.error('channel event stored, processing deferred to a retry', {
      channel: input.channel,
      webhookId: input.webhookId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return { duplicate, outcome: { status: 'received' } };
  }
}
