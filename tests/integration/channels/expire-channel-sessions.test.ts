import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabaseSecondHandle } from './second-handle';
import { auditLog, channelSessions } from '@/db/schema';
import { expireChannelSessions } from '@/lib/features/channels/expire-channel-sessions';
import { getChannelSession } from '@/lib/features/channels/get-channel-session';
import { channelTestFile, moveTime, openSession, serviceContext, sessionRow } from './support';

const t = channelTestFile();

describe('the session deadline sweeper (expireChannelSessions)', () => {
  it('leaves sessions alone until their deadline, then expires and audits each', async () => {
    const session = await openSession(t.db);

    moveTime(5 * 60_000 - 1_000);
    await expireChannelSessions(serviceContext(t.db));
    expect((await sessionRow(t.db, session.id)).state).toBe('open');

    moveTime(1_000);
    // Read before any sweep: the deadline is enforced on read too (SPEC §8).
    expect((await getChannelSession(serviceContext(t.db), session.id)).state).toBe('expired');
    await expireChannelSessions(serviceContext(t.db));
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'expired', result: null });
  });

  it('expires each of 12 overdue sessions exactly once when sweepers run at once (SECURITY 31)', { timeout: 90_000 }, async () => {
    const sessions = [];
    for (let i = 0; i < 12; i++) sessions.push(await openSession(t.db, i % 2 ? 'qq' : 'face'));
    moveTime(6 * 60_000);
    const second = await openDatabaseSecondHandle(t);

    try {
      const results = await Promise.all([
        expireChannelSessions(serviceContext(t.db), { limit: 4 }),
        expireChannelSessions(serviceContext(second.db), { limit: 4 }),
        expireChannelSessions(serviceContext(t.db), { limit: 4 }),
        expireChannelSessions(serviceContext(second.db), { limit: 4 }),
      ]);
      let total = results.reduce((n, r) => n + r.expired, 0);
      for (;;) {
        const { expired } = await expireChannelSessions(serviceContext(t.db));
        if (expired === 0) break;
        total += expired;
      }

      const ids = sessions.map((s) => s.id);
      const rows = await t.db.select().from(channelSessions).where(inArray(channelSessions.id, ids));
      expect(rows.every((r) => r.state === 'expired')).toBe(true);
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.target, ids.map((id) => `channel_session:${id}`)));
      expect(audits.filter((a) => a.action === 'channel_session.expired')).toHaveLength(12);
      // Every expiry counted once across all sweepers: none applied twice.
      expect(total).toBe(12);
    } finally {
      await second.close();
    }
  });
});
