import { desc, sql } from 'drizzle-orm';
import { callbackDeliveries } from './schema';
import type { Executor } from './world';

/** The session a callback is about (`data.sessionId` of its body), or null for other events. */
const sessionIdOfBody = sql<string | null>`(${callbackDeliveries.body}::jsonb -> 'data' ->> 'sessionId')`;

/**
 * Recent callbacks with their delivery state, newest first, optionally only those about
 * one session (the body itself is left out: it may carry a birth date).
 */
export async function listDeliveries(db: Executor, options: { limit?: number; sessionId?: string } = {}) {
  const rows = await db
    .select({ d: callbackDeliveries, sessionId: sessionIdOfBody })
    .from(callbackDeliveries)
    .where(options.sessionId ? sql`${sessionIdOfBody} = ${options.sessionId}` : undefined)
    .orderBy(desc(callbackDeliveries.createdAt), desc(callbackDeliveries.id))
    .limit(options.limit ?? 100);
  return rows.map(({ d, sessionId }) => ({
    id: d.id,
    channel: d.channel,
    type: d.type,
    sessionId,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  }));
}
