import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { personalVerifications, type PersonalVerificationRow } from '../schema';

type Insert = typeof personalVerifications.$inferInsert;

export async function insertPersonalVerification(db: Db, values: Insert) {
  const [row] = await db.insert(personalVerifications).values(values).returning();
  return row!;
}

/** One account's verification by id: another account's id reads as not found (IDOR). */
export async function findPersonalVerification(db: Db, accountId: string, id: string) {
  const [row] = await db
    .select()
    .from(personalVerifications)
    .where(and(eq(personalVerifications.id, id), eq(personalVerifications.accountId, accountId)));
  return row;
}

/** The same, locked FOR UPDATE: the state is re-checked inside the write transaction. */
export async function lockPersonalVerification(tx: Db, accountId: string, id: string) {
  const [row] = await tx
    .select()
    .from(personalVerifications)
    .where(and(eq(personalVerifications.id, id), eq(personalVerifications.accountId, accountId)))
    .for('update');
  return row;
}

/** For channel callbacks, which know the verification only by its id (the session's reference). */
export async function lockPersonalVerificationById(tx: Db, id: string) {
  const [row] = await tx.select().from(personalVerifications).where(eq(personalVerifications.id, id)).for('update');
  return row;
}

export async function latestPersonalVerification(db: Db, accountId: string) {
  const [row] = await db
    .select()
    .from(personalVerifications)
    .where(eq(personalVerifications.accountId, accountId))
    .orderBy(desc(personalVerifications.createdAt))
    .limit(1);
  return row;
}

export async function updatePersonalVerification(
  tx: Db,
  row: Pick<PersonalVerificationRow, 'id' | 'version'>,
  values: Partial<Omit<Insert, 'id' | 'accountId' | 'createdAt' | 'version'>>,
) {
  const [updated] = await tx
    .update(personalVerifications)
    .set({ ...values, version: sql`${personalVerifications.version} + 1` })
    .where(and(eq(personalVerifications.id, row.id), eq(personalVerifications.version, row.version)))
    .returning();
  return updated;
}

/** Failed verifications of an account since `since` (R-LIM-7), with their method (R-P-FACE). */
export async function recentPersonalFailures(db: Db, accountId: string, since: Date) {
  return db
    .select({ at: personalVerifications.completedAt, method: personalVerifications.method })
    .from(personalVerifications)
    .where(
      and(
        eq(personalVerifications.accountId, accountId),
        inArray(personalVerifications.state, ['failed']),
        gte(personalVerifications.completedAt, since),
      ),
    );
}
