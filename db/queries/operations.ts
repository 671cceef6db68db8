import { and, count, eq, lte, min, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client';
import { outboxMessages, reviewCases, webhookDeliveries } from '../schema';

/** The trivial query of the readiness probe. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** `created_at` of every migration drizzle recorded as applied (its journal's `when`); throws when the table is missing. */
export async function appliedMigrationTimes(db: Db): Promise<number[]> {
  const rows = rowsOf<{ created_at: string | number | bigint }>(await db.execute(sql`select created_at from drizzle.__drizzle_migrations`));
  return rows.map((r) => Number(r.created_at));
}

/** Outbox messages pending and due at `now` (product clock), per kind, with the oldest one's creation. */
export async function dueOutboxBacklog(db: Db, now: Date) {
  return db
    .select({ kind: outboxMessages.kind, due: count(), oldestCreatedAt: min(outboxMessages.createdAt) })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
    .groupBy(outboxMessages.kind);
}

/** Webhook deliveries pending and due at `now`, with the oldest one's creation. */
export async function dueWebhookBacklog(db: Db, now: Date) {
  const [row] = await db
    .select({ due: count(), oldestCreatedAt: min(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)));
  return { due: row?.due ?? 0, oldestCreatedAt: row?.oldestCreatedAt ?? null };
}

/**
 * Open review cases, and those past their due time at `now` — reviewSla's rule
 * (lib/domain/review/sla.ts): `due_at` already holds the business-day deadline.
 */
export async function openReviewCaseCounts(db: Db, now: Date) {
  const [row] = await db
    .select({ open: count(), overdue: sql<number>`count(*) filter (where ${reviewCases.dueAt} <= ${now.toISOString()}::timestamptz)`.mapWith(Number) })
    .from(reviewCases)
    .where(eq(reviewCases.state, 'open'));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}
