import { desc } from 'drizzle-orm';
import { callbackDeliveries } from './schema';
import type { Executor } from './world';

/** Recent callbacks with their delivery state (the body is left out: it may carry a birth date). */
export async function listDeliveries(db: Executor, limit = 100) {
  const rows = await db.select().from(callbackDeliveries).orderBy(desc(callbackDeliveries.createdAt), desc(callbackDeliveries.id)).limit(limit);
  return rows.map((d) => ({
    id: d.id,
    channel: d.channel,
    type: d.type,
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
