import { describe, expect, it } from 'vitest';
import { databaseClock } from '@/lib/clock';
import { auditRows, channelTestFile, completed, deliver, eventRows, openSession, signedDelivery } from './support';

const t = channelTestFile();
const DAY = 24 * 3600 * 1000;

const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

/**
 * Issue 15 item 10: two app instances on one database, each with its own cached clock
 * offset. The machine's Date is frozen (channelTestFile), so the route's cache never
 * lapses by itself: it stays behind a jump made by the other instance until it is read
 * afresh.
 */
describe('callbacks signed right after another instance jumped the clock', () => {
  it('are accepted by an instance whose cached clock is behind, with no false bad_signature audit', async () => {
    const session = await openSession(t.db);
    const routeClock = databaseClock(t.db); // what the route handler's service context uses
    const before = await routeClock.now();
    const otherInstance = databaseClock(t.db, () => Date.now());

    const auditedBefore = await auditRows(t.db, 'callback.bad_signature');

    const jumped = await otherInstance.advance(3 * DAY);
    expect(await routeClock.now()).toEqual(before); // the premise: this instance has not seen the jump yet

    const delivery = signedDelivery('wechat', completed(session), { timestamp: seconds(jumped) });
    const response = await deliver('wechat', delivery);

    expect(response.status).toBe(204);
    expect(await auditRows(t.db, 'callback.bad_signature')).toEqual(auditedBefore);
    expect((await eventRows(t.db, 'wechat')).map((e) => e.webhookId)).toContain(delivery.id);
    expect(await routeClock.now()).toEqual(jumped);
  });

  it('still refuse and audit a callback that is stale on the fresh clock too', async () => {
    const session = await openSession(t.db);
    const routeClock = databaseClock(t.db);
    await routeClock.now();
    const auditedBefore = new Set((await auditRows(t.db, 'callback.bad_signature')).map((r) => r.id));
    const jumped = await databaseClock(t.db, () => Date.now()).advance(3 * DAY);

    const stale = signedDelivery('wechat', completed(session), { timestamp: String(Number(seconds(jumped)) - 301) });
    const response = await deliver('wechat', stale);

    expect(response.status).toBe(401);
    const audited = await auditRows(t.db, 'callback.bad_signature');
    expect(audited.filter((r) => !auditedBefore.has(r.id)).map((r) => r.data)).toEqual([{ channel: 'wechat', reason: 'stale_timestamp' }]);
    expect((await eventRows(t.db, 'wechat')).map((e) => e.webhookId)).not.toContain(stale.id);
  });
});
