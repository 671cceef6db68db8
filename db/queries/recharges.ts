import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../client';
import { enterpriseVerifications, incomingTransfers, rechargeVerifications, type IncomingTransferRow, type RechargeVerificationRow } from '../schema';

type RechargeInsert = typeof rechargeVerifications.$inferInsert;
type TransferInsert = typeof incomingTransfers.$inferInsert;

export async function insertRecharge(tx: Db, values: RechargeInsert): Promise<RechargeVerificationRow> {
  const [row] = await tx.insert(rechargeVerifications).values(values).returning();
  return row!;
}

/** The enterprise verification's latest recharge (the one its page shows). */
export async function latestRechargeOf(db: Db, enterpriseVerificationId: string): Promise<RechargeVerificationRow | undefined> {
  const [row] = await db
    .select()
    .from(rechargeVerifications)
    .where(eq(rechargeVerifications.enterpriseVerificationId, enterpriseVerificationId))
    .orderBy(desc(rechargeVerifications.createdAt))
    .limit(1);
  return row;
}

/** The enterprise verification's open recharge, locked FOR UPDATE. */
export async function lockOpenRechargeOf(tx: Db, enterpriseVerificationId: string): Promise<RechargeVerificationRow | undefined> {
  const [row] = await tx
    .select()
    .from(rechargeVerifications)
    .where(and(eq(rechargeVerifications.enterpriseVerificationId, enterpriseVerificationId), eq(rechargeVerifications.state, 'awaiting_transfer')))
    .for('update');
  return row;
}

export async function lockRecharge(tx: Db, id: string): Promise<RechargeVerificationRow | undefined> {
  const [row] = await tx.select().from(rechargeVerifications).where(eq(rechargeVerifications.id, id)).for('update');
  return row;
}

/** Amounts of the open recharges (drawMicroAmount avoids them). */
export async function openRechargeAmounts(db: Db): Promise<number[]> {
  const rows = await db.select({ amountFen: rechargeVerifications.amountFen }).from(rechargeVerifications).where(eq(rechargeVerifications.state, 'awaiting_transfer'));
  return rows.map((r) => r.amountFen);
}

/** The open recharges a transfer could be for: its payer name, or its amount (lib/domain attributeTransfer judges). */
export async function openRechargeCandidates(db: Db, transfer: { payerName: string; amountFen: number }): Promise<RechargeVerificationRow[]> {
  return db
    .select()
    .from(rechargeVerifications)
    .where(
      and(
        eq(rechargeVerifications.state, 'awaiting_transfer'),
        or(eq(rechargeVerifications.payerName, transfer.payerName), eq(rechargeVerifications.amountFen, transfer.amountFen)),
      ),
    )
    .orderBy(asc(rechargeVerifications.createdAt));
}

/** Writes a recharge's new state; the caller holds its lock. */
export async function updateRecharge(tx: Db, id: string, values: Partial<Omit<RechargeInsert, 'id' | 'accountId' | 'enterpriseVerificationId' | 'createdAt'>>) {
  const [row] = await tx.update(rechargeVerifications).set(values).where(eq(rechargeVerifications.id, id)).returning();
  return row!;
}

/** Open recharges past their deadline, claimed by one sweeper (FOR UPDATE SKIP LOCKED). */
export async function claimOverdueRecharges(tx: Db, now: Date, limit: number): Promise<RechargeVerificationRow[]> {
  return tx
    .select()
    .from(rechargeVerifications)
    .where(and(eq(rechargeVerifications.state, 'awaiting_transfer'), lte(rechargeVerifications.deadline, now)))
    .orderBy(asc(rechargeVerifications.deadline))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Open recharges whose reminder is due and not yet sent, claimed by one sweeper. */
export async function claimDueRechargeReminders(tx: Db, now: Date, limit: number): Promise<RechargeVerificationRow[]> {
  return tx
    .select()
    .from(rechargeVerifications)
    .where(and(eq(rechargeVerifications.state, 'awaiting_transfer'), isNull(rechargeVerifications.remindedAt), lte(rechargeVerifications.remindAt, now)))
    .orderBy(asc(rechargeVerifications.remindAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

// ---- incoming transfers ----

/** Records a transfer once: undefined when the bank's transferId is known already (a repeated callback). */
export async function insertIncomingTransfer(tx: Db, values: TransferInsert): Promise<IncomingTransferRow | undefined> {
  const [row] = await tx.insert(incomingTransfers).values(values).onConflictDoNothing({ target: incomingTransfers.transferId }).returning();
  return row;
}

export async function updateIncomingTransfer(tx: Db, id: string, values: Partial<Omit<TransferInsert, 'id' | 'transferId'>>) {
  const [row] = await tx.update(incomingTransfers).set(values).where(eq(incomingTransfers.id, id)).returning();
  return row!;
}

export async function lockIncomingTransfer(tx: Db, id: string): Promise<IncomingTransferRow | undefined> {
  const [row] = await tx.select().from(incomingTransfers).where(eq(incomingTransfers.id, id)).for('update');
  return row;
}

/** The wrong transfers attributed to these recharges, oldest first (the page lists them). */
export async function transfersOfRecharges(db: Db, rechargeIds: string[]): Promise<IncomingTransferRow[]> {
  if (rechargeIds.length === 0) return [];
  return db.select().from(incomingTransfers).where(inArray(incomingTransfers.rechargeId, rechargeIds)).orderBy(asc(incomingTransfers.receivedAt));
}

/** Refunds queued for the bank, oldest first. */
export async function listDueRefunds(db: Db, limit: number): Promise<IncomingTransferRow[]> {
  return db.select().from(incomingTransfers).where(eq(incomingTransfers.refundState, 'pending')).orderBy(asc(incomingTransfers.createdAt)).limit(limit);
}

/**
 * The enterprise verification of a recharge, locked FOR UPDATE SKIP LOCKED: the sweeper
 * locks recharges before their verification, unlike every other path, so it never waits
 * for one (a wait could close a cycle with a cancel holding the verification).
 */
export async function lockEnterpriseOfRechargeSkipLocked(tx: Db, enterpriseVerificationId: string) {
  const [row] = await tx.select().from(enterpriseVerifications).where(eq(enterpriseVerifications.id, enterpriseVerificationId)).for('update', { skipLocked: true });
  return row;
}
