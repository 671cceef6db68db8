import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { payoutVerifications, type PayoutVerificationRow } from '../schema';

type Insert = typeof payoutVerifications.$inferInsert;

export async function insertPayoutVerification(tx: Db, values: Insert) {
  const [row] = await tx.insert(payoutVerifications).values(values).returning();
  return row!;
}

/** The latest payout run of an enterprise verification (the running one, or how the last ended). */
export async function latestPayoutOfEnterprise(db: Db, enterpriseVerificationId: string) {
  const [row] = await db
    .select()
    .from(payoutVerifications)
    .where(eq(payoutVerifications.enterpriseVerificationId, enterpriseVerificationId))
    .orderBy(desc(payoutVerifications.createdAt))
    .limit(1);
  return row;
}

/** One account's payout by id, locked: another account's id reads as not found (IDOR). */
export async function lockPayoutOfAccount(tx: Db, accountId: string, id: string) {
  const [row] = await tx
    .select()
    .from(payoutVerifications)
    .where(and(eq(payoutVerifications.id, id), eq(payoutVerifications.accountId, accountId)))
    .for('update');
  return row;
}

/** For callbacks, the review decision and the jobs, which know the payout by its id only. */
export async function lockPayoutById(tx: Db, id: string) {
  const [row] = await tx.select().from(payoutVerifications).where(eq(payoutVerifications.id, id)).for('update');
  return row;
}

export async function findPayoutById(db: Db, id: string) {
  const [row] = await db.select().from(payoutVerifications).where(eq(payoutVerifications.id, id));
  return row;
}

/** Writes `values` when the row is still at `row.version` (optimistic check); undefined otherwise. */
export async function updatePayoutVerification(
  tx: Db,
  row: Pick<PayoutVerificationRow, 'id' | 'version'>,
  values: Partial<Omit<Insert, 'id' | 'accountId' | 'enterpriseVerificationId' | 'createdAt' | 'version'>>,
) {
  const [updated] = await tx
    .update(payoutVerifications)
    .set({ ...values, version: sql`${payoutVerifications.version} + 1` })
    .where(and(eq(payoutVerifications.id, row.id), eq(payoutVerifications.version, row.version)))
    .returning();
  return updated;
}

/** Approved payouts not yet accepted by the bank, claimed FOR UPDATE SKIP LOCKED (oldest first). */
export async function claimPayoutsToSend(tx: Db, limit: number) {
  return tx
    .select({ id: payoutVerifications.id })
    .from(payoutVerifications)
    .where(and(eq(payoutVerifications.state, 'payout_pending'), isNull(payoutVerifications.bankPayoutId)))
    .orderBy(asc(payoutVerifications.approvedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Payouts waiting for the typed amount whose deadline has passed, claimed FOR UPDATE SKIP LOCKED. */
export async function claimExpiredPayouts(tx: Db, now: Date, limit: number) {
  return tx
    .select()
    .from(payoutVerifications)
    .where(and(eq(payoutVerifications.state, 'awaiting_amount'), lte(payoutVerifications.amountDeadline, now)))
    .orderBy(asc(payoutVerifications.amountDeadline))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Payouts waiting for the typed amount and not yet reminded, claimed FOR UPDATE SKIP
 * LOCKED. Whether the reminder is due is a business-day question the caller answers;
 * `horizon` bounds the deadlines worth asking about.
 */
export async function claimUnremindedPayouts(tx: Db, horizon: Date, limit: number) {
  return tx
    .select()
    .from(payoutVerifications)
    .where(and(eq(payoutVerifications.state, 'awaiting_amount'), isNull(payoutVerifications.remindedAt), lte(payoutVerifications.amountDeadline, horizon)))
    .orderBy(asc(payoutVerifications.amountDeadline))
    .limit(limit)
    .for('update', { skipLocked: true });
}
