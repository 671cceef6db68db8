import { and, desc, eq, gte } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { enterpriseVerifications, type EnterpriseVerificationRow } from '../schema';

type Insert = typeof enterpriseVerifications.$inferInsert;

export async function insertEnterpriseVerification(db: Db, values: Insert) {
  const [row] = await db.insert(enterpriseVerifications).values(values).returning();
  return row!;
}

/** One account's verification by id: another account's id reads as not found (IDOR). */
export async function findEnterpriseVerification(db: Db, accountId: string, id: string) {
  const [row] = await db
    .select()
    .from(enterpriseVerifications)
    .where(and(eq(enterpriseVerifications.id, id), eq(enterpriseVerifications.accountId, accountId)));
  return row;
}

/** The same, locked FOR UPDATE: the state is re-checked inside the write transaction. */
export async function lockEnterpriseVerification(tx: Db, accountId: string, id: string) {
  const [row] = await tx
    .select()
    .from(enterpriseVerifications)
    .where(and(eq(enterpriseVerifications.id, id), eq(enterpriseVerifications.accountId, accountId)))
    .for('update');
  return row;
}

/** For channel callbacks, which know the verification only by its id (the session's reference). */
export async function lockEnterpriseVerificationById(tx: Db, id: string) {
  const [row] = await tx.select().from(enterpriseVerifications).where(eq(enterpriseVerifications.id, id)).for('update');
  return row;
}

export async function latestEnterpriseVerification(db: Db, accountId: string) {
  const [row] = await db
    .select()
    .from(enterpriseVerifications)
    .where(eq(enterpriseVerifications.accountId, accountId))
    .orderBy(desc(enterpriseVerifications.createdAt))
    .limit(1);
  return row;
}

/** Writes `values` when the row is still at `row.version` (optimistic check); undefined otherwise. */
export async function updateEnterpriseVerification(
  tx: Db,
  row: Pick<EnterpriseVerificationRow, 'id' | 'version'>,
  values: Partial<Omit<Insert, 'id' | 'accountId' | 'createdAt' | 'version'>>,
) {
  const [updated] = await tx
    .update(enterpriseVerifications)
    .set({ ...values, version: sql`${enterpriseVerifications.version} + 1` })
    .where(and(eq(enterpriseVerifications.id, row.id), eq(enterpriseVerifications.version, row.version)))
    .returning();
  return updated;
}

/** When this account's enterprise verifications failed since `since` (R-LIM-7). */
export async function recentEnterpriseFailures(db: Db, accountId: string, since: Date) {
  const rows = await db
    .select({ at: enterpriseVerifications.completedAt })
    .from(enterpriseVerifications)
    .where(
      and(
        eq(enterpriseVerifications.accountId, accountId),
        eq(enterpriseVerifications.state, 'failed'),
        gte(enterpriseVerifications.completedAt, since),
      ),
    );
  return rows.flatMap((r) => (r.at ? [r.at] : []));
}
