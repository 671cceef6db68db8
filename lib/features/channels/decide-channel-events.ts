import type { AuditEntry } from '@/db/queries/audit';
import type { settleChannelSessions } from '@/db/queries/channels';
import type { ChannelEventRow, ChannelSessionRow } from '@/db/schema';
import type { CallbackBody, CallbackMeaning } from '@/lib/channels/events';
import { decideChannelSignal, type ChannelSessionState } from '@/lib/domain/channel-session';

export type ChannelEventOutcome =
  | { status: 'processed'; sessionId: string; state: ChannelSessionState }
  /** A bank event that moved a recharge, a payout or the balance. */
  | { status: 'processed'; outcome: string }
  | { status: 'ignored'; reason: string }
  /** Already processed, or being processed by another worker right now. */
  | { status: 'skipped' };

export type SessionKey = `${string}\n${string}`;
export const sessionKey = (channel: string, externalSessionId: string): SessionKey => `${channel}\n${externalSessionId}`;

interface EventMark {
  status: 'processed' | 'ignored' | 'deferred';
  outcome: string;
  ids: string[];
}

/** What a batch of claimed events does, decided before anything is written (apply-channel-event.ts writes it). */
export interface ChannelEventBatchPlan {
  outcomes: Map<string, ChannelEventOutcome>;
  /** The events' marks, grouped by status and outcome (one UPDATE each). */
  marks: EventMark[];
  /** One audit row per session event: the transition, or why nothing changed (SECURITY A5). */
  audit: AuditEntry[];
  /** The sessions' transitions, grouped by the values they get (one UPDATE each). */
  settles: { values: Parameters<typeof settleChannelSessions>[2]; sessionIds: string[] }[];
  /** The settled sessions in arrival order: their flows' handlers run in this order. */
  settledOrder: string[];
  /** Bank events, applied after the sessions' writes by their handlers, in arrival order. */
  bankEvents: { event: ChannelEventRow; body: CallbackBody<'bank'> }[];
}

/**
 * Decides every claimed event of a batch in arrival order against its locked session, each
 * exactly as if alone: a second event for a session sees the state the first one left
 * (domain table: decideChannelSignal). Pure — no I/O; the caller holds the locks and writes
 * the plan in one transaction.
 */
export function decideChannelEventBatch(input: {
  /** Event ids in arrival order, each once. */
  order: string[];
  /** The events this worker claimed (others are skipped). */
  events: Map<string, ChannelEventRow>;
  /** What each claimed event says; null when its stored body cannot be read. */
  meanings: Map<string, CallbackMeaning | null>;
  /** The sessions named by the events, locked. */
  sessions: Map<SessionKey, ChannelSessionRow>;
  now: Date;
}): ChannelEventBatchPlan {
  const { order, events, meanings, now } = input;
  const sessions = new Map(input.sessions);
  // Decide every event in arrival order against the sessions as the earlier events of the batch left them.
  const outcomes = new Map<string, ChannelEventOutcome>();
  const marks = new Map<string, EventMark>();
  const mark = (event: ChannelEventRow, status: 'processed' | 'ignored' | 'deferred', outcome: string) => {
    const key = `${status}\n${outcome}`;
    marks.set(key, { status, outcome, ids: [...(marks.get(key)?.ids ?? []), event.id] });
  };
  const audit: AuditEntry[] = [];
  const ignore = (event: ChannelEventRow, reason: string, session?: ChannelSessionRow) => {
    mark(event, 'ignored', reason);
    // SECURITY A5: answered 2xx, changes nothing, and is logged.
    audit.push({
      at: now,
      action: 'channel_event.ignored',
      accountId: session?.accountId ?? null,
      target: session ? `channel_session:${session.id}` : `channel_event:${event.id}`,
      data: { channel: event.channel, type: event.type, webhookId: event.webhookId, reason, state: session?.state ?? null },
    });
    outcomes.set(event.id, { status: 'ignored', reason });
  };
  const settles = new Map<string, { values: Parameters<typeof settleChannelSessions>[2]; sessionIds: string[] }>();
  const settledOrder: string[] = [];
  const bankEvents: { event: ChannelEventRow; body: CallbackBody<'bank'> }[] = [];

  for (const eventId of order) {
    const event = events.get(eventId);
    if (!event) continue;
    const meaning = meanings.get(eventId);
    if (!meaning) {
      ignore(event, 'unreadable_payload');
      continue;
    }
    if (meaning.kind === 'bank') {
      // Applied after the sessions' writes, in arrival order (below).
      bankEvents.push({ event, body: meaning.body });
      continue;
    }

    const key = sessionKey(meaning.channel, meaning.sessionId);
    const session = sessions.get(key);
    if (!session) {
      ignore(event, 'unknown_session');
      continue;
    }
    if (session.reference !== meaning.reference) {
      ignore(event, 'reference_mismatch', session);
      continue;
    }
    const decision = decideChannelSignal(session, meaning.signal, now);
    if (decision.kind === 'ignored') {
      ignore(event, decision.reason, session);
      continue;
    }

    const settledByResult = decision.to !== 'expired';
    const result = settledByResult && meaning.signal.kind === 'completed' ? meaning.signal.result : null;
    const values = {
      state: decision.to,
      result,
      birthDate: settledByResult ? meaning.birthDate : null,
      verifiedEnterpriseName: settledByResult ? meaning.verifiedEnterpriseName : null,
      now,
    };
    const group = JSON.stringify([values.state, values.result, values.birthDate, values.verifiedEnterpriseName]);
    settles.set(group, { values, sessionIds: [...(settles.get(group)?.sessionIds ?? []), session.id] });
    settledOrder.push(session.id);
    // Later events of this batch see the session settled.
    sessions.set(key, { ...session, state: values.state, result: values.result, birthDate: values.birthDate, verifiedEnterpriseName: values.verifiedEnterpriseName, settledAt: now, updatedAt: now });
    mark(event, 'processed', decision.to);
    audit.push({
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
    outcomes.set(event.id, { status: 'processed', sessionId: session.id, state: decision.to });
  }


  return { outcomes, marks: [...marks.values()], audit, settles: [...settles.values()], settledOrder, bankEvents };
}
