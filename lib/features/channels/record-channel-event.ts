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
  /**
   * `received`: stored and not applied here — its processing failed, or the caller asked
   * for the reply once stored; either way it is applied exactly once, by its batch or later.
   */
  outcome: ChannelEventOutcome | { status: 'received' };
}

/**
 * Events queued in this process beyond which a callback's reply waits for its own batch
 * again: a flood slows its sender instead of filling memory.
 */
export const MAX_QUEUED_EVENTS = 4 * MAX_EVENTS_PER_BATCH;

/**
 * The callback use case (SECURITY A4–A6): store, acknowledge, process. The event is first
 * stored as `received`, unique per (channel, webhook-id) — a repeated delivery stops
 * there; then it is applied in a transaction of its own (apply-channel-event). If that
 * fails, the stored event is still acknowledged: it is retried by
 * process-stored-channel-events or by the channel's next delivery of the same id, and
 * applied exactly once (docs/decisions/0005-callbacks-store-then-process.md).
 *
 * Events stored while an earlier batch is being applied wait for it and are then
 * applied together, in one transaction (docs/decisions/0007): under load the
 * processing is paid per batch, not per event; alone, an event is applied at once.
 *
 * `until`: `applied` (the default) answers once the event has been applied — for callers
 * that read its effect next (a pulled result); `stored` answers as soon as the event is
 * stored and queued — the channel's reply (docs/decisions/0035), unless more than
 * MAX_QUEUED_EVENTS wait here, when it waits for its batch too.
 */
export async function recordChannelEvent(
  ctx: ServiceContext,
  input: { channel: CallbackChannel; webhookId: string; body: CallbackBody },
  options: { until?: 'applied' | 'stored' } = {},
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

  const { applied, queued } = applySoon(ctx, { eventId, known: duplicate ? undefined : { channel: input.channel, body: input.body } }, input);
  if (options.until === 'stored' && queued <= MAX_QUEUED_EVENTS) return { duplicate, outcome: { status: 'received' } };
  return { duplicate, outcome: await applied };
}

/**
 * Resolves once no event stored by this process waits to be applied or is being applied:
 * before the database pool closes at shutdown, and in tests that read a callback's effect
 * after its reply.
 */
export async function channelEventsApplied(): Promise<void> {
  while (drains.size > 0) await Promise.all(drains);
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

// The drains under way in this process, on globalThis: Next.js loads this module once per
// bundle layer, and shutdown (instrumentation) must see the route handlers' drains.
const holder = globalThis as unknown as { __channelEventDrains?: Set<Promise<void>> };
const drains = (holder.__channelEventDrains ??= new Set());

/**
 * Queues the stored event for the next batch — at once when nothing is being applied.
 * `applied` never rejects: a failure leaves the event `received` (logged, retried
 * later) and answers `received`. `queued`: the events now waiting, this one included.
 */
function applySoon(
  ctx: ServiceContext,
  item: EventToApply,
  about: Omit<Waiting['about'], 'requestId'>,
): { applied: Promise<ChannelEventOutcome | { status: 'received' }>; queued: number } {
  let byClock = batchers.get(ctx.db);
  if (!byClock) batchers.set(ctx.db, (byClock = new WeakMap()));
  let batcher = byClock.get(ctx.clock);
  if (!batcher) byClock.set(ctx.clock, (batcher = { ctx, waiting: [], running: false }));
  const applied = new Promise<ChannelEventOutcome | { status: 'received' }>((resolve) =>
    batcher.waiting.push({ item, about: { channel: about.channel, webhookId: about.webhookId, requestId: currentRequestId() }, resolve }),
  );
  const queued = batcher.waiting.length;
  if (!batcher.running) {
    const drained = drain(batcher).finally(() => drains.delete(drained));
    drains.add(drained);
  }
  return { applied, queued };
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
