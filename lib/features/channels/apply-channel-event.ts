import { CHANNEL_EVENT_PAYLOAD_CONTEXT } from '@/db/schema';
import { appendAuditEntries, lockAuditChain, withBatchedAudit } from '@/db/queries/audit';
import { claimReceivedChannelEvents, lockChannelSessionsByExternalIds, markChannelEvents, settleChannelSessions } from '@/db/queries/channels';
import type { ChannelEventRow, ChannelSessionRow } from '@/db/schema';
import { callbackMeaning, isCallbackChannel, parseCallbackBody, type CallbackBody, type CallbackChannel, type CallbackMeaning } from '@/lib/channels/events';
import { decryptField } from '@/lib/security/crypto';
import type { ServiceContext } from '../context';
import { announceStatusChanges } from '@/lib/features/live';
import { applyBankEvent } from './apply-bank-event';
import { decideChannelEventBatch, sessionKey, type ChannelEventOutcome, type SessionKey } from './decide-channel-events';
import { handleSettledChannelSession } from './handle-settled-channel-session';

/** The most events applied in one transaction (record-channel-event's batches). */
export const MAX_EVENTS_PER_BATCH = 64;

export type { ChannelEventOutcome } from './decide-channel-events';

/** A stored event to apply; `known` is its body as just verified and parsed (first delivery), which saves decrypting it. */
export interface EventToApply {
  eventId: string;
  known?: { channel: CallbackChannel; body: CallbackBody };
}

/** Processes one stored callback: applyChannelEvents with a single event. */
export async function applyChannelEvent(ctx: ServiceContext, eventId: string, known?: EventToApply['known']): Promise<ChannelEventOutcome> {
  const [outcome] = await applyChannelEvents(ctx, [{ eventId, known }]);
  return outcome!;
}

/**
 * Processes stored callbacks (SECURITY A4–A6) in ONE transaction, each event exactly as
 * if alone: claim the event rows still `received` (SKIP LOCKED — an event another
 * worker holds is skipped), lock their sessions FOR UPDATE (in id order), let the
 * domain table decide each event in arrival order — a second event for a session sees
 * the state the first one left — then write every transition, mark every event, append
 * one audit row per event (the transition, or why nothing changed: SECURITY A5) and run
 * each settled session's flow handler. Everything commits or rolls back together.
 *
 * One transaction for many events is the point (docs/decisions/0007): the statements
 * and the audit chain's lock are paid once per batch instead of once per event. Throws
 * when the database fails: every event of the batch stays `received` and is retried —
 * record-channel-event then applies them one by one, so one bad event cannot hold the
 * others back; process-stored-channel-events and redeliveries retry as before.
 *
 * After the commit, the accounts whose sessions settled are announced: their waiting
 * pages read again at once (docs/decisions/0019).
 */
export async function applyChannelEvents(ctx: ServiceContext, items: EventToApply[]): Promise<ChannelEventOutcome[]> {
  if (items.length > MAX_EVENTS_PER_BATCH) throw new Error(`at most ${MAX_EVENTS_PER_BATCH} events per batch`);
  // Read before the transaction: on PGlite a clock read outside the open transaction would wait for it forever.
  const now = await ctx.clock.now();
  const known = new Map<string, { channel: CallbackChannel; body: CallbackBody; meaning: CallbackMeaning }>();
  for (const item of items) {
    if (item.known && !known.has(item.eventId)) known.set(item.eventId, { ...item.known, meaning: callbackMeaning(item.known.channel, item.known.body) });
  }
  const knownSessions = [...known.values()].flatMap(({ meaning }) =>
    meaning.kind === 'session' ? [{ channel: meaning.channel, externalSessionId: meaning.sessionId }] : [],
  );

  const moved = new Set<string>();
  // The audit rows of the whole batch — the events', the flow handlers', the bank's — are written with one insert at its end.
  const answers = await ctx.db.transaction((tx) =>
    withBatchedAudit(tx, async () => {
      // The sessions named by known bodies are locked in the same round trip as the events are claimed.
      const [claimed, lockedEarly] = await Promise.all([
        claimReceivedChannelEvents(tx, [...new Set(items.map((i) => i.eventId))]),
        lockChannelSessionsByExternalIds(tx, knownSessions),
      ]);
      const events = new Map(claimed.map((e) => [e.id, e]));

      // What each claimed event says: the stored row is the truth, a known body of the same channel only saves decrypting it.
      const meanings = new Map<string, CallbackMeaning | null>();
      for (const event of claimed) {
        const k = known.get(event.id);
        if (k && k.channel === event.channel) meanings.set(event.id, k.meaning);
        else {
          const body = storedBody(event);
          meanings.set(event.id, body && isCallbackChannel(event.channel) ? callbackMeaning(event.channel, body) : null);
        }
      }

      const sessions = new Map<SessionKey, ChannelSessionRow>(lockedEarly.map((s) => [sessionKey(s.channel, s.externalSessionId), s]));
      const missing = [...meanings.values()].flatMap((m) =>
        m?.kind === 'session' && !sessions.has(sessionKey(m.channel, m.sessionId)) ? [{ channel: m.channel, externalSessionId: m.sessionId }] : [],
      );
      for (const s of await lockChannelSessionsByExternalIds(tx, missing)) sessions.set(sessionKey(s.channel, s.externalSessionId), s);

      // Every event decided in arrival order, purely; then written in a few statements.
      const plan = decideChannelEventBatch({ order: [...new Set(items.map((i) => i.eventId))], events, meanings, sessions, now });
      const { outcomes, audit, settledOrder } = plan;

      if (claimed.length > 0) {
        // The writes and the audit chain's lock in one round trip; the lock comes last and is held to the commit.
        const [settledGroups] = await Promise.all([
          Promise.all(plan.settles.map((g) => settleChannelSessions(tx, g.sessionIds, g.values))),
          Promise.all(plan.marks.map((m) => markChannelEvents(tx, m.ids, { status: m.status, outcome: m.outcome, now }))),
          audit.length > 0 ? lockAuditChain(tx) : undefined,
        ]);
        const settled = new Map(settledGroups.flat().map((row) => [row.id, row]));
        // Locked FOR UPDATE and open: the guard cannot miss — unless the schema and this code disagree.
        if (settled.size !== settledOrder.length) throw new Error('channel session changed under its row lock');
        for (const row of settled.values()) if (row.accountId) moved.add(row.accountId);
        await appendAuditEntries(tx, audit);
        for (const id of settledOrder) await handleSettledChannelSession(tx, settled.get(id)!, now);
      }

      // Bank events move recharges, payouts and the balance; each handler audits what it changed.
      for (const { event, body } of plan.bankEvents) {
        const result = await applyBankEvent(tx, body, now);
        await markChannelEvents(tx, [event.id], { status: result.status, outcome: result.outcome, now });
        if (result.status === 'ignored') {
          await appendAuditEntries(tx, [
            {
              at: now,
              action: 'channel_event.ignored',
              target: `channel_event:${event.id}`,
              data: { channel: event.channel, type: event.type, webhookId: event.webhookId, reason: result.outcome },
            },
          ]);
          outcomes.set(event.id, { status: 'ignored', reason: result.outcome });
        } else {
          outcomes.set(event.id, { status: 'processed', outcome: result.outcome });
        }
      }

      // Each item gets its event's outcome once; a repeated item and an unclaimed event are skipped.
      const answered = new Set<string>();
      return items.map((item) => {
        const outcome = outcomes.get(item.eventId);
        if (!outcome || answered.has(item.eventId)) return { status: 'skipped' as const };
        answered.add(item.eventId);
        return outcome;
      });
    }),
  );
  await announceStatusChanges(ctx, moved);
  return answers;
}

function storedBody(event: ChannelEventRow): CallbackBody | null {
  if (!isCallbackChannel(event.channel)) return null;
  return parseCallbackBody(event.channel, decryptField(event.payloadEnc, CHANNEL_EVENT_PAYLOAD_CONTEXT));
}
