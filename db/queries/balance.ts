import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { balanceEntries, type BalanceEntryRow } from '../schema';

type Insert = typeof balanceEntries.$inferInsert;

export async function insertBalanceEntry(tx: Db, values: Insert): Promise<BalanceEntryRow> {
  const [row] = await tx.insert(balanceEntries).values(values).returning();
  return row!;
}

/** The account's ledger, newest first. */
export async function listBalanceEntries(db: Db, accountId: string): Promise<BalanceEntryRow[]> {
  return db.select().from(balanceEntries).where(eq(balanceEntries.accountId, accountId)).orderBy(desc(balanceEntries.createdAt), desc(balanceEntries.id));
}

/** One of the account's credits, locked FOR UPDATE: withdrawals of it are decided one after the other. */
export async function lockOwnCredit(tx: Db, accountId: string, id: string): Promise<BalanceEntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(balanceEntries)
    .where(and(eq(balanceEntries.id, id), eq(balanceEntries.accountId, accountId), eq(balanceEntries.kind, 'recharge_credit')))
    .for('update');
  return row;
}

/** The withdrawals taken from one credit. */
export async function withdrawalsOfCredit(tx: Db, creditId: string): Promise<BalanceEntryRow[]> {
  return tx
    .select()
    .from(balanceEntries)
    .where(and(eq(balanceEntries.creditEntryId, creditId), eq(balanceEntries.kind, 'withdrawal')));
}

export async function lockBalanceEntry(tx: Db, id: string): Promise<BalanceEntryRow | undefined> {
  const [row] = await tx.select().from(balanceEntries).where(eq(balanceEntries.id, id)).for('update');
  return row;
}

export async function updateBalanceEntry(tx: Db, id: string, values: Partial<Omit<Insert, 'id' | 'accountId' | 'kind' | 'createdAt'>>) {
  const [row] = await tx.update(balanceEntries).set(values).where(eq(balanceEntries.id, id)).returning();
  return row!;
}

/** Withdrawals queued for the bank, oldest first. */
export async function listDueWithdrawals(db: Db, limit: number): Promise<BalanceEntryRow[]> {
  return db
    .select()
    .from(balanceEntries)
    .where(and(eq(balanceEntries.kind, 'withdrawal'), eq(balanceEntries.state, 'pending')))
    .orderBy(asc(balanceEntries.createdAt))
    .limit(limit);
}
