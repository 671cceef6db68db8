import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '@/db/queries/audit';
import { channelEvents } from '@/db/schema';
import { applyChannelEvents } from '@/lib/features/channels/apply-channel-event';
import { auditRows, channelTestFile, completed, deliver, expired, openSession, serviceContext, sessionRow, signedDelivery } from './support';

/**
 * Callbacks that arrive while others are being applied are applied together, in one
 * transaction (docs/decisions/0007): each event exactly as if alone — its own
 * transition or ignore, its own audit row — and one bad event holds no other back.
 */
const t = channelTestFile();

async function eventsById(ids: string[]) {
  return t.db.select().from(channelEvents).where(inArray(channelEvents.webhookId, ids));
}

/** Stores deliveries without applying them (every session update fails meanwhile), as a crash after the store would. */
async function storeOnly(deliveries: { id: string; body: string; headers: Record<string, string> }[]) {
  await t.db.execute(sql.raw(`
    create or replace function refuse_session_update() returns trigger language plpgsql as $$
    begin raise exception 'simulated crash during processing'; end $$`));
  await t.db.execute(sql`create trigger refuse_session_update before update on channel_sessions for each row execute function refuse_session_update()`);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    for (const d of deliveries) expect((await deliver('wechat', d)).status).toBe(204);
  } finally {
    await t.db.execute(sql`drop trigger if exists refuse_session_update on channel_sessions`);
    errors.mockRestore();
  }
  const rows = await eventsById(deliveries.map((d) => d.id));
  expect(rows.map((r) => r.status)).toEqual(deliveries.map(() => 'received'));
  return deliveries.map((d) => rows.find((r) => r.webhookId === d.id)!.id);
}

describe('callbacks applied in batches', () => {
  it('applies 40 concurrent completions of 40 sessions, each once, with one audit row each and the chain intact', async () => {
    const sessions = await Promise.all(Array.from({ length: 40 }, () => openSession(t.db)));
    const deliveries = sessions.map((s, i) => signedDelivery('wechat', completed(s, i % 2 ? 'matched' : 'declined')));

    const responses = await Promise.all(deliveries.map((d) => deliver('wechat', d)));

    expect(responses.map((r) => r.status)).toEqual(deliveries.map(() => 204));
    for (const [i, s] of sessions.entries()) {
      expect(await sessionRow(t.db, s.id)).toMatchObject(i % 2 ? { state: 'completed', result: 'matched' } : { state: 'failed', result: 'declined' });
      const action = i % 2 ? 'channel_session.completed' : 'channel_session.failed';
      expect(await auditRows(t.db, action, `channel_session:${s.id}`)).toHaveLength(1);
    }
    expect((await eventsById(deliveries.map((d) => d.id))).map((e) => e.status)).toEqual(deliveries.map(() => 'processed'));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('decides the events of one batch in arrival order: a later event sees the state an earlier one left', async () => {
    const session = await openSession(t.db);
    const ids = await storeOnly([
      signedDelivery('wechat', completed(session, 'matched')),
      signedDelivery('wechat', expired(session)),
      signedDelivery('wechat', completed(session, 'mismatch')),
    ]);

    const outcomes = await applyChannelEvents(serviceContext(t.db), ids.map((eventId) => ({ eventId })));

    expect(outcomes).toEqual([
      { status: 'processed', sessionId: session.id, state: 'completed' },
      { status: 'ignored', reason: 'already_completed' },
      { status: 'ignored', reason: 'already_completed' },
    ]);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'completed', result: 'matched' });
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)).toHaveLength(1);
    expect(await auditRows(t.db, 'channel_event.ignored', `channel_session:${session.id}`)).toHaveLength(2);
  });

  it('answers an event listed twice in a batch once, and an event already applied as skipped', async () => {
    const session = await openSession(t.db);
    const [id] = await storeOnly([signedDelivery('wechat', completed(session))]);

    const first = await applyChannelEvents(serviceContext(t.db), [{ eventId: id! }, { eventId: id! }]);
    const again = await applyChannelEvents(serviceContext(t.db), [{ eventId: id! }]);

    expect(first).toEqual([{ status: 'processed', sessionId: session.id, state: 'completed' }, { status: 'skipped' }]);
    expect(again).toEqual([{ status: 'skipped' }]);
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)).toHaveLength(1);
  });

  it('lets no bad event hold the others of its batch back: they are applied, it stays received for a retry', async () => {
    const good = await Promise.all(Array.from({ length: 5 }, () => openSession(t.db)));
    const bad = await openSession(t.db);
    // Only the bad session's update fails (a bug or a broken row, say).
    await t.db.execute(sql.raw(`
      create or replace function refuse_one_session() returns trigger language plpgsql as $$
      begin if new.id = '${bad.id}' then raise exception 'simulated failure of one event'; end if; return new; end $$`));
    await t.db.execute(sql`create trigger refuse_one_session before update on channel_sessions for each row execute function refuse_one_session()`);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const deliveries = [...good, bad].map((s) => signedDelivery('wechat', completed(s)));
    try {
      const responses = await Promise.all(deliveries.map((d) => deliver('wechat', d)));
      expect(responses.map((r) => r.status)).toEqual(deliveries.map(() => 204));
    } finally {
      await t.db.execute(sql`drop trigger if exists refuse_one_session on channel_sessions`);
      errors.mockRestore();
    }

    for (const s of good) expect((await sessionRow(t.db, s.id)).state).toBe('completed');
    expect((await sessionRow(t.db, bad.id)).state).toBe('open');
    const [badEvent] = await t.db.select().from(channelEvents).where(eq(channelEvents.webhookId, deliveries.at(-1)!.id));
    expect(badEvent).toMatchObject({ status: 'received' });
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${bad.id}`)).toHaveLength(0);
  });
});
