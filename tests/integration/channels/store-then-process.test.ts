import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { channelEvents } from '@/db/schema';
import { processStoredChannelEvents } from '@/lib/features/channels/process-stored-channel-events';
import { purgeChannelEvents } from '@/lib/features/channels/purge-channel-events';
import { auditRows, channelTestFile, completed, deliver, moveTime, openSession, serviceContext, sessionRow, signedDelivery } from './support';

const t = channelTestFile();

/** Makes every write to channel_sessions fail — processing "crashes" after the event is stored. */
async function breakProcessing() {
  await t.db.execute(sql.raw(`
    create or replace function refuse_session_update() returns trigger language plpgsql as $$
    begin raise exception 'simulated crash during processing'; end $$`));
  await t.db.execute(sql`create trigger refuse_session_update before update on channel_sessions for each row execute function refuse_session_update()`);
}

async function repairProcessing() {
  await t.db.execute(sql`drop trigger if exists refuse_session_update on channel_sessions`);
}

async function storedEvent(webhookId: string) {
  const [row] = await t.db.select().from(channelEvents).where(eq(channelEvents.webhookId, webhookId));
  return row!;
}

async function transitions(sessionId: string) {
  return (await auditRows(t.db, 'channel_session.completed', `channel_session:${sessionId}`)).length;
}

describe('store, acknowledge, process (SECURITY A6, docs/decisions/0005)', () => {
  it('acknowledges an event whose processing fails after it was stored, then the sweeper applies it exactly once', async () => {
    const session = await openSession(t.db);
    const delivery = signedDelivery('wechat', completed(session));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await breakProcessing();
    let response: Response;
    try {
      response = await deliver('wechat', delivery);
    } finally {
      await repairProcessing();
      errors.mockRestore();
    }

    expect(response.status).toBe(204);
    expect(await storedEvent(delivery.id)).toMatchObject({ status: 'received', attempts: 1 });
    expect((await sessionRow(t.db, session.id)).state).toBe('open');
    expect(await transitions(session.id)).toBe(0);

    // Fresh events are left to their own request for a grace period…
    expect((await processStoredChannelEvents(serviceContext(t.db))).processed).toBe(0);
    moveTime(31_000);
    // …then two sweepers at once apply it once.
    const [a, b] = await Promise.all([processStoredChannelEvents(serviceContext(t.db)), processStoredChannelEvents(serviceContext(t.db))]);

    expect(a.processed + b.processed).toBe(1);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'completed', result: 'matched' });
    expect(await storedEvent(delivery.id)).toMatchObject({ status: 'processed', outcome: 'completed' });
    expect(await transitions(session.id)).toBe(1);

    // The channel's retry of the same id, and another sweep, change nothing more.
    expect((await deliver('wechat', signedDelivery('wechat', completed(session), { id: delivery.id }))).status).toBe(204);
    await processStoredChannelEvents(serviceContext(t.db));
    expect(await transitions(session.id)).toBe(1);
  });

  it('applies a stored-but-unprocessed event when the channel delivers it again', async () => {
    const session = await openSession(t.db);
    const delivery = signedDelivery('wechat', completed(session, 'declined'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await breakProcessing();
    try {
      expect((await deliver('wechat', delivery)).status).toBe(204);
    } finally {
      await repairProcessing();
      errors.mockRestore();
    }
    expect((await sessionRow(t.db, session.id)).state).toBe('open');

    moveTime(1_000);
    const redelivery = signedDelivery('wechat', completed(session, 'declined'), { id: delivery.id });
    expect((await deliver('wechat', redelivery)).status).toBe(204);

    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'failed', result: 'declined' });
    expect(await storedEvent(delivery.id)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(await auditRows(t.db, 'channel_session.failed', `channel_session:${session.id}`)).toHaveLength(1);
  });

  it('answers well within the sender timeout', async () => {
    const session = await openSession(t.db);
    const started = performance.now();
    const response = await deliver('wechat', signedDelivery('wechat', completed(session)));
    expect(response.status).toBe(204);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('keeps webhook-ids at least 3 days: a purge removes only settled events older than the retention', async () => {
    const session = await openSession(t.db);
    const delivery = signedDelivery('wechat', completed(session));
    expect((await deliver('wechat', delivery)).status).toBe(204);

    moveTime(3 * 24 * 3600 * 1000 - 60_000);
    await purgeChannelEvents(serviceContext(t.db), { keepDays: 1 }); // asks for 1 day, gets the 3-day minimum
    expect(await storedEvent(delivery.id)).toBeDefined();

    moveTime(8 * 24 * 3600 * 1000);
    const { deleted } = await purgeChannelEvents(serviceContext(t.db));
    expect(deleted).toBeGreaterThanOrEqual(1);
    const [gone] = await t.db.select().from(channelEvents).where(eq(channelEvents.webhookId, delivery.id));
    expect(gone).toBeUndefined();
  });
});
