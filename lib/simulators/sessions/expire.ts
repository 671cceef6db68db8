import { and, inArray, lte } from 'drizzle-orm';
import { enqueueCallback } from '../callbacks';
import { channelSessions } from '../schema';
import type { Executor } from '../world';

type SessionRow = Pick<typeof channelSessions.$inferSelect, 'id' | 'channel' | 'reference' | 'callbackUrl'>;

export const OPEN_STATES = ['pending', 'bind_card'] as const;

async function notifyExpired(tx: Executor, rows: SessionRow[], now: Date) {
  for (const s of rows) {
    await enqueueCallback(tx, { channel: s.channel, url: s.callbackUrl, type: 'auth_session.expired', data: { sessionId: s.id, reference: s.reference } }, now);
  }
}

/**
 * Expires every open session past its 5 minutes, each with its `auth_session.expired`
 * callback in the same transaction. One UPDATE … RETURNING: two sweepers at once expire
 * (and notify) each session once, since the second re-checks the state after the first commits.
 */
export async function expireDueSessions(db: Executor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(channelSessions)
      .set({ state: 'expired', completedAt: now })
      .where(and(inArray(channelSessions.state, [...OPEN_STATES]), lte(channelSessions.expiresAt, now)))
      .returning({ id: channelSessions.id, channel: channelSessions.channel, reference: channelSessions.reference, callbackUrl: channelSessions.callbackUrl });
    await notifyExpired(tx, rows, now);
    return rows.length;
  });
}

/** Expires one session already locked by the caller's transaction. */
export async function expireLockedSession(tx: Executor, session: SessionRow, now: Date) {
  await tx.update(channelSessions).set({ state: 'expired', completedAt: now }).where(inArray(channelSessions.id, [session.id]));
  await notifyExpired(tx, [session], now);
}
