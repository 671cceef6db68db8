import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { accountProcesses, identityLocks, subjects } from '../schema';

export async function findCurrentSubject(db: Db, accountId: string) {
  const [row] = await db
    .select()
    .from(subjects)
    .where(and(eq(subjects.accountId, accountId), isNull(subjects.replacedAt)));
  return row;
}

/** How many accounts currently have this identity as their subject (R-LIM-1, R-LIM-3). */
export async function countCurrentHolders(db: Db, identityKey: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(subjects)
    .where(and(eq(subjects.identityKey, identityKey), isNull(subjects.replacedAt)));
  return row?.n ?? 0;
}

/**
 * Serialises every completion for one identity: the lock row is created once and
 * locked FOR UPDATE until the transaction ends, so that counting the holders and
 * taking a slot happen as one step (SECURITY 7). Call inside a transaction.
 */
export async function lockIdentity(tx: Db, identityKey: string): Promise<void> {
  await tx.insert(identityLocks).values({ identityKey }).onConflictDoNothing();
  await tx.select().from(identityLocks).where(eq(identityLocks.identityKey, identityKey)).for('update');
}

export async function insertSubject(db: Db, values: typeof subjects.$inferInsert) {
  const [row] = await db.insert(subjects).values(values).returning();
  return row!;
}

export async function findAccountProcess(db: Db, accountId: string) {
  const [row] = await db.select().from(accountProcesses).where(eq(accountProcesses.accountId, accountId));
  return row;
}

/** R-LIM-9: takes the account's one in-progress slot; false when something else holds it. */
export async function claimAccountProcess(db: Db, values: { accountId: string; kind: string; processId: string; startedAt: Date }): Promise<boolean> {
  const rows = await db.insert(accountProcesses).values(values).onConflictDoNothing().returning({ accountId: accountProcesses.accountId });
  return rows.length === 1;
}

export async function releaseAccountProcess(db: Db, accountId: string, processId: string): Promise<void> {
  await db.delete(accountProcesses).where(and(eq(accountProcesses.accountId, accountId), eq(accountProcesses.processId, processId)));
}

/** The account's current subject, locked FOR UPDATE inside `tx` (settings and contact data of R-OWN-5). */
export async function lockCurrentSubject(tx: Db, accountId: string) {
  const [row] = await tx
    .select()
    .from(subjects)
    .where(and(eq(subjects.accountId, accountId), isNull(subjects.replacedAt)))
    .for('update');
  return row;
}

export async function updateSubject(tx: Db, id: string, values: Pick<Partial<typeof subjects.$inferInsert>, 'contactName' | 'contactIdNumberEnc' | 'contactMobileEnc' | 'cdnEnabledAt'>) {
  const [row] = await tx.update(subjects).set(values).where(eq(subjects.id, id)).returning();
  return row!;
}
