import { describe, expect, it } from 'vitest';
import type { ChannelEventRow, ChannelSessionRow } from '@/db/schema';
import type { CallbackMeaning } from '@/lib/channels/events';
import { decideChannelEventBatch, sessionKey } from './decide-channel-events';

const now = new Date('2026-12-03T08:00:00Z');

function session(over: Partial<ChannelSessionRow> = {}): ChannelSessionRow {
  return {
    id: 'session-1',
    channel: 'wechat',
    purpose: 'personal_verification',
    reference: 'ref-1',
    accountId: 'account-1',
    externalSessionId: 'ext-1',
    scanUrl: 'http://sim/scan/ext-1',
    expiresAt: new Date(now.getTime() + 60_000),
    state: 'open',
    result: null,
    birthDate: null,
    verifiedEnterpriseName: null,
    idempotencyKey: 'key-1',
    createdAt: now,
    updatedAt: now,
    settledAt: null,
    ...over,
  } as ChannelSessionRow;
}

function event(id: string): ChannelEventRow {
  return { id, channel: 'wechat', webhookId: `wh-${id}`, type: 'scan.completed', status: 'received' } as ChannelEventRow;
}

const completed = (result: 'matched' | 'mismatch', over: Partial<Extract<CallbackMeaning, { kind: 'session' }>> = {}): CallbackMeaning => ({
  kind: 'session',
  channel: 'wechat',
  sessionId: 'ext-1',
  reference: 'ref-1',
  signal: { kind: 'completed', result },
  birthDate: '1990-01-01',
  verifiedEnterpriseName: null,
  ...over,
});

function decide(events: [string, CallbackMeaning | null][], sessions: ChannelSessionRow[] = [session()]) {
  return decideChannelEventBatch({
    order: events.map(([id]) => id),
    events: new Map(events.map(([id]) => [id, event(id)])),
    meanings: new Map(events),
    sessions: new Map(sessions.map((s) => [sessionKey(s.channel, s.externalSessionId), s])),
    now,
  });
}

describe('decideChannelEventBatch (pure: what a batch of callbacks does, before any write)', () => {
  it('settles a session by the first event; a second event for it sees it settled and is ignored', () => {
    const plan = decide([
      ['e1', completed('matched')],
      ['e2', completed('mismatch')],
    ]);

    expect(plan.outcomes.get('e1')).toEqual({ status: 'processed', sessionId: 'session-1', state: 'completed' });
    expect(plan.outcomes.get('e2')).toEqual({ status: 'ignored', reason: 'already_completed' });
    expect(plan.settles).toEqual([{ values: { state: 'completed', result: 'matched', birthDate: '1990-01-01', verifiedEnterpriseName: null, now }, sessionIds: ['session-1'] }]);
    expect(plan.settledOrder).toEqual(['session-1']);
    expect(plan.marks).toEqual([
      { status: 'processed', outcome: 'completed', ids: ['e1'] },
      { status: 'ignored', outcome: 'already_completed', ids: ['e2'] },
    ]);
    expect(plan.audit.map((a) => a.action)).toEqual(['channel_session.completed', 'channel_event.ignored']);
  });

  it('ignores, and audits, an unreadable body, an unknown session and a reference that does not match', () => {
    const plan = decide([
      ['e1', null],
      ['e2', completed('matched', { sessionId: 'ext-unknown' })],
      ['e3', completed('matched', { reference: 'ref-other' })],
    ]);

    expect([...plan.outcomes.values()]).toEqual([
      { status: 'ignored', reason: 'unreadable_payload' },
      { status: 'ignored', reason: 'unknown_session' },
      { status: 'ignored', reason: 'reference_mismatch' },
    ]);
    expect(plan.settles).toEqual([]);
    expect(plan.audit).toHaveLength(3);
  });

  it('groups sessions settled with the same values into one write, and leaves bank events to their handlers in order', () => {
    const second = session({ id: 'session-2', externalSessionId: 'ext-2', reference: 'ref-2' });
    const bank = { kind: 'bank', body: { type: 'transfer.received' } } as unknown as CallbackMeaning;
    const plan = decide(
      [
        ['e1', completed('matched')],
        ['b1', bank],
        ['e2', completed('matched', { sessionId: 'ext-2', reference: 'ref-2' })],
      ],
      [session(), second],
    );

    expect(plan.settles).toHaveLength(1);
    expect(plan.settles[0]!.sessionIds).toEqual(['session-1', 'session-2']);
    expect(plan.bankEvents.map((b) => b.event.id)).toEqual(['b1']);
    expect(plan.outcomes.has('b1')).toBe(false);
  });

  it('does not change the sessions it was given', () => {
    const given = session();
    decide([['e1', completed('matched')]], [given]);

    expect(given.state).toBe('open');
  });
});
