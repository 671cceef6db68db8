import type { Db } from '@/db/client';
import { countChannelEventAttempt, findChannelEventByWebhookId, insertChannelEvent } from '@/db/queries/channels';
import { callbackMeaning, callbackSubject, type CallbackBody, type CallbackChannel } from '@/lib/channels/events';
import { encryptField } from '@/lib/security/crypto';
import { errorKind, log } from '@/lib/ops/log';
import { currentRequestId } from '@/lib/ops/request-context';
import { applyChannelEvents, MAX_EVENTS_PER_BATCH, type ChannelEventOutcome, type EventToApply } from './apply-channel-event';
import { CHANNEL_EVENT_PAYLOAD_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

export interface RecordChannelEventResult {
  duplicate: boolean;
  /** `received`: stored, but processing failed — it stays `received` and will be applied once, later. */
  outcome: ChannelEventOutcome | { status: 'received' };
}

/**
 * The callback use case (SECURITY A4–A6): store, then process. The event is first
 * stored as `received`, unique per (channel, webhook-id) — a repeated delivery stops
 * there; then it is applied in a transaction of its own (apply-channel-event). If that
 * fails, the stored event is still acknowledged: it is retried by
 * process-stored-channel-events or by the channel's next delivery of the same id, and
 * applied exactly once (docs/decisions/0005-callbacks-store-then-process.md).
 *
 * Events stored while an earlier batch is being applied wait for it and are then
 * applied together, in one transaction (docs/decisions/0007): under load the
 * processing is paid per batch, not per event; alone, an event is applied at once.
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
    ...callbackSubject(meaning),
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

  const outcome = await applySoon(ctx, { eventId, known: duplicate ? undefined : { channel: input.channel, body: input.body } }, input);
  return { duplicate, outcome };
}

// ---- batches: one applying transaction at a time per database and process ----

interface Waiting {
  item: EventToApply;
  /** The storing request's id: the batch may be applied under another request's context. */
  about: { channel: string; webhookId: string; requestId?: string };
  resolve: (outcome: ChannelEventOutcome | { status: 'received' }) => void;
}
interface Batcher {
  ctx: ServiceContext;
  waiting: Waiting[];
  running: boolean;
}
// Per database and clock: a batch is applied with one `now`, so only events of the same clock share one.
const batchers = new WeakMap<Db, WeakMap<ServiceContext['clock'], Batcher>>();

/**
 * Applies the stored event with whatever else is waiting: at once when nothing is
 * being applied, otherwise with the next batch. Never throws: a failure leaves the
 * event `received` (logged, retried later) and answers `received`.
 */
function applySoon(ctx: ServiceContext, item: EventToApply, about: Omit<Waiting['about'], 'requestId'>): Promise<ChannelEventOutcome | { status: 'received' }> {
  let byClock = batchers.get(ctx.db);
  if (!byClock) batchers.set(ctx.db, (byClock = new WeakMap()));
  let batcher = byClock.get(ctx.clock);
  if (!batcher) byClock.set(ctx.clock, (batcher = { ctx, waiting: [], running: false }));
  const done = new Promise<ChannelEventOutcome | { status: 'received' }>((resolve) =>
    batcher.waiting.push({ item, about: { channel: about.channel, webhookId: about.webhookId, requestId: currentRequestId() }, resolve }),
  );
  if (!batcher.running) void drain(batcher);
  return done;
}

async function drain(batcher: Batcher): Promise<void> {
  batcher.running = true;
  try {
    while (batcher.waiting.length > 0) {
      const batch = batcher.waiting.splice(0, MAX_EVENTS_PER_BATCH);
      try {
        await applyBatch(batcher.ctx, batch);
      } catch (error) {
        // Never leave a request waiting: whatever went wrong, its event is stored and will be retried.
        for (const w of batch) deferred(w, error);
      }
    }
  } finally {
    batcher.running = false;
  }
}

async function applyBatch(ctx: ServiceContext, batch: Waiting[]): Promise<void> {
  try {
    const outcomes = await applyChannelEvents(ctx, batch.map((w) => w.item));
    batch.forEach((w, i) => w.resolve(outcomes[i]!));
    return;
  } catch (error) {
    if (batch.length === 1) return deferred(batch[0]!, error);
  }
  // The batch rolled back as a whole: apply its events one by one, so that one bad event holds no other back.
  for (const w of batch) {
    try {
      w.resolve((await applyChannelEvents(ctx, [w.item]))[0]!);
    } catch (error) {
      deferred(w, error);
    }
  }
}

/** Resolves `received` (a second resolve of a settled promise is a no-op) and logs why. */
function deferred(w: Waiting, error: unknown): void {
  // Logged without the payload (it may carry personal data, SECURITY 22).
  log.warn({ event: 'callback.deferred', ...w.about, ...errorKind(error) });
  w.resolve({ status: 'received' });
}
