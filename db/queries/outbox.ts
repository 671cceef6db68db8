import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client';
import { outboxMessages, webhookDeliveries, webhookEndpoints, type OutboxMessageRow, type WebhookDeliveryRow } from '../schema';

// ---- claiming due rows: the same lease for messages and webhooks ----

type DeliveryTable = 'outbox_messages' | 'webhook_deliveries';

/**
 * Leases up to `limit` pending rows due at `now` (product clock) and counts their try:
 * one statement, so the claim is atomic; SKIP LOCKED, so two workers never take the same
 * row; the lease runs on the database's real clock and lapses if the worker dies, so a
 * crash between sending and marking sends the row again (under the same id).
 */
async function claimDue(db: Db, table: DeliveryTable, now: Date, limit: number, leaseSeconds: number): Promise<string[]> {
  const t = sql.identifier(table);
  const result = await db.execute(sql`
    update ${t} set leased_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id in (
      select id from ${t}
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
        and (leased_until is null or leased_until < now())
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

// ---- outbox_messages ----

export type NewOutboxMessage = Pick<typeof outboxMessages.$inferInsert, 'accountId' | 'kind' | 'toEnc' | 'event' | 'subject' | 'body' | 'createdAt' | 'nextAttemptAt'>;

export async function insertOutboxMessages(tx: Db, rows: NewOutboxMessage[]): Promise<void> {
  if (rows.length > 0) await tx.insert(outboxMessages).values(rows);
}

export async function claimDueOutboxMessages(db: Db, options: { now: Date; limit: number; leaseSeconds: number }): Promise<OutboxMessageRow[]> {
  const ids = await claimDue(db, 'outbox_messages', options.now, options.limit, options.leaseSeconds);
  return ids.length ? db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids)) : [];
}

export async function markOutboxMessageSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: now, leasedUntil: null, lastError: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'pending')));
}

export async function markOutboxMessageRetry(db: Db, id: string, values: { nextAttemptAt: Date; error: string; final: boolean }): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: values.final ? 'failed' : 'pending', nextAttemptAt: values.nextAttemptAt, leasedUntil: null, lastError: values.error })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'pending')));
}

export async function listOutboxMessages(db: Db, accountId: string, limit = 100) {
  return db.select().from(outboxMessages).where(eq(outboxMessages.accountId, accountId)).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}

// ---- webhook endpoints and deliveries ----

export async function findWebhookEndpoint(db: Db, accountId: string) {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId));
  return row;
}

export async function upsertWebhookEndpoint(db: Db, values: { accountId: string; url: string; secretEnc: string; now: Date }) {
  await db
    .insert(webhookEndpoints)
    .values({ accountId: values.accountId, url: values.url, secretEnc: values.secretEnc, createdAt: values.now, updatedAt: values.now })
    .onConflictDoUpdate({ target: webhookEndpoints.accountId, set: { url: values.url, secretEnc: values.secretEnc, updatedAt: values.now } });
}

export async function deleteWebhookEndpoint(db: Db, accountId: string) {
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId));
}

export async function insertWebhookDelivery(tx: Db, values: Pick<typeof webhookDeliveries.$inferInsert, 'id' | 'accountId' | 'url' | 'type' | 'data' | 'createdAt' | 'nextAttemptAt'>) {
  await tx.insert(webhookDeliveries).values(values);
}

export async function claimDueWebhookDeliveries(db: Db, options: { now: Date; limit: number; leaseSeconds: number }): Promise<WebhookDeliveryRow[]> {
  const ids = await claimDue(db, 'webhook_deliveries', options.now, options.limit, options.leaseSeconds);
  return ids.length ? db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids)) : [];
}

export async function markWebhookDelivered(db: Db, id: string, values: { status: number; now: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'delivered', deliveredAt: values.now, lastStatus: values.status, leasedUntil: null, lastError: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
}

export async function markWebhookRetry(db: Db, id: string, values: { nextAttemptAt: Date; status: number | null; error: string; final: boolean }) {
  await db
    .update(webhookDeliveries)
    .set({ status: values.final ? 'failed' : 'pending', nextAttemptAt: values.nextAttemptAt, lastStatus: values.status, leasedUntil: null, lastError: values.error })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
}

export async function listWebhookDeliveries(db: Db, accountId: string, limit = 50) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, accountId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
}

/** 重新发送: the account's delivery, pending again and due now, its tries counted afresh; false when it is not the account's or still pending. */
export async function requeueWebhookDelivery(db: Db, accountId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leasedUntil: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.accountId, accountId), inArray(webhookDeliveries.status, ['delivered', 'failed'])))
    .returning({ id: webhookDeliveries.id });
  return rows.length === 1;
}
