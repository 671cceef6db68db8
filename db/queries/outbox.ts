import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client';
import { outboxMessages, webhookDeliveries, webhookEndpoints, type OutboxMessageRow, type WebhookDeliveryRow } from '../schema';

// ---- claiming due rows: the same lease for messages and webhooks ----

type DeliveryTable = 'outbox_messages' | 'webhook_deliveries';

/** A claimed row: its id and the token of the claim that holds its lease. */
export interface DeliveryLease {
  id: string;
  leaseToken: string;
}

/**
 * Leases up to `limit` pending rows due at `now` (product clock) and counts their try:
 * one statement, so the claim is atomic; SKIP LOCKED, so two workers never take the same
 * row; the lease runs on the database's real clock and lapses if the worker dies, so a
 * crash between sending and marking sends the row again (under the same id). The rows
 * get one fresh lease token per claim: marks, extensions and releases apply only under
 * it, so a worker whose lease lapsed and was taken over changes nothing.
 */
async function claimDue(db: Db, table: DeliveryTable, now: Date, limit: number, leaseSeconds: number): Promise<string[]> {
  const t = sql.identifier(table);
  const result = await db.execute(sql`
    with lease as (select gen_random_uuid() as token)
    update ${t} set leased_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1, lease_token = lease.token
    from lease
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

/** Extends the lease of every row the claim still holds (heartbeat); returns their ids. */
async function extendLeases(db: Db, table: DeliveryTable, leaseToken: string, leaseSeconds: number): Promise<string[]> {
  const result = await db.execute(sql`
    update ${sql.identifier(table)} set leased_until = now() + make_interval(secs => ${leaseSeconds})
    where lease_token = ${leaseToken} and status = 'pending'
    returning id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Gives a claimed row back unsent (shutdown): no lease, and the claim's try not counted. */
async function releaseLease(db: Db, table: DeliveryTable, lease: DeliveryLease): Promise<boolean> {
  const result = await db.execute(sql`
    update ${sql.identifier(table)} set leased_until = null, lease_token = null, attempts = attempts - 1
    where id = ${lease.id} and lease_token = ${lease.leaseToken} and status = 'pending'
    returning id`);
  return rowsOf(result).length === 1;
}

function withLease<R extends { leaseToken: string | null }>(rows: R[]): (R & { leaseToken: string })[] {
  return rows.filter((r): r is R & { leaseToken: string } => r.leaseToken !== null);
}

// ---- outbox_messages ----

export type NewOutboxMessage = Pick<typeof outboxMessages.$inferInsert, 'accountId' | 'kind' | 'toEnc' | 'event' | 'subject' | 'body' | 'templateParams' | 'createdAt' | 'nextAttemptAt'>;

export async function insertOutboxMessages(tx: Db, rows: NewOutboxMessage[]): Promise<void> {
  if (rows.length > 0) await tx.insert(outboxMessages).values(rows);
}

export async function claimDueOutboxMessages(db: Db, options: { now: Date; limit: number; leaseSeconds: number }): Promise<(OutboxMessageRow & { leaseToken: string })[]> {
  const ids = await claimDue(db, 'outbox_messages', options.now, options.limit, options.leaseSeconds);
  return ids.length ? withLease(await db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids))) : [];
}

export function extendOutboxLeases(db: Db, leaseToken: string, leaseSeconds: number): Promise<string[]> {
  return extendLeases(db, 'outbox_messages', leaseToken, leaseSeconds);
}

export function releaseOutboxMessage(db: Db, lease: DeliveryLease): Promise<boolean> {
  return releaseLease(db, 'outbox_messages', lease);
}

/** Marks the row sent if the lease is still this claim's; false when it was lost. */
export async function markOutboxMessageSent(db: Db, lease: DeliveryLease, now: Date): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: now, leasedUntil: null, leaseToken: null, lastError: null })
    .where(and(eq(outboxMessages.id, lease.id), eq(outboxMessages.leaseToken, lease.leaseToken), eq(outboxMessages.status, 'pending')))
    .returning({ id: outboxMessages.id });
  return rows.length === 1;
}

/** Schedules the next try (or fails the row) if the lease is still this claim's; false when it was lost. */
export async function markOutboxMessageRetry(db: Db, lease: DeliveryLease, values: { nextAttemptAt: Date; error: string; final: boolean }): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: values.final ? 'failed' : 'pending', nextAttemptAt: values.nextAttemptAt, leasedUntil: null, leaseToken: null, lastError: values.error })
    .where(and(eq(outboxMessages.id, lease.id), eq(outboxMessages.leaseToken, lease.leaseToken), eq(outboxMessages.status, 'pending')))
    .returning({ id: outboxMessages.id });
  return rows.length === 1;
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

export async function claimDueWebhookDeliveries(db: Db, options: { now: Date; limit: number; leaseSeconds: number }): Promise<(WebhookDeliveryRow & { leaseToken: string })[]> {
  const ids = await claimDue(db, 'webhook_deliveries', options.now, options.limit, options.leaseSeconds);
  return ids.length ? withLease(await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids))) : [];
}

export function extendWebhookLeases(db: Db, leaseToken: string, leaseSeconds: number): Promise<string[]> {
  return extendLeases(db, 'webhook_deliveries', leaseToken, leaseSeconds);
}

export function releaseWebhookDelivery(db: Db, lease: DeliveryLease): Promise<boolean> {
  return releaseLease(db, 'webhook_deliveries', lease);
}

/** Marks the delivery done if the lease is still this claim's; false when it was lost. */
export async function markWebhookDelivered(db: Db, lease: DeliveryLease, values: { status: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'delivered', deliveredAt: values.now, lastStatus: values.status, leasedUntil: null, leaseToken: null, lastError: null })
    .where(and(eq(webhookDeliveries.id, lease.id), eq(webhookDeliveries.leaseToken, lease.leaseToken), eq(webhookDeliveries.status, 'pending')))
    .returning({ id: webhookDeliveries.id });
  return rows.length === 1;
}

/** Schedules the next try (or fails the delivery) if the lease is still this claim's; false when it was lost. */
export async function markWebhookRetry(db: Db, lease: DeliveryLease, values: { nextAttemptAt: Date; status: number | null; error: string; final: boolean }): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: values.final ? 'failed' : 'pending', nextAttemptAt: values.nextAttemptAt, lastStatus: values.status, leasedUntil: null, leaseToken: null, lastError: values.error })
    .where(and(eq(webhookDeliveries.id, lease.id), eq(webhookDeliveries.leaseToken, lease.leaseToken), eq(webhookDeliveries.status, 'pending')))
    .returning({ id: webhookDeliveries.id });
  return rows.length === 1;
}

export async function listWebhookDeliveries(db: Db, accountId: string, limit = 50) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, accountId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
}

/** 重新发送: the account's delivery, pending again and due now, its tries counted afresh; false when it is not the account's or still pending. */
export async function requeueWebhookDelivery(db: Db, accountId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leasedUntil: null, leaseToken: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.accountId, accountId), inArray(webhookDeliveries.status, ['delivered', 'failed'])))
    .returning({ id: webhookDeliveries.id });
  return rows.length === 1;
}
