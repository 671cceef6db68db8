import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { changeRequests, subjects, type ChangeRequestRow } from '../schema';

type Insert = typeof changeRequests.$inferInsert;

export async function insertChangeRequest(db: Db, values: Insert): Promise<ChangeRequestRow> {
  const [row] = await db.insert(changeRequests).values(values).returning();
  return row!;
}

/** One account's request by id: another account's id reads as not found (IDOR). */
/** The account's newest change request (the 修改认证主体 page tells when it expired). */
export async function findLatestChangeRequest(db: Db, accountId: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await db.select().from(changeRequests).where(eq(changeRequests.accountId, accountId)).orderBy(desc(changeRequests.createdAt)).limit(1);
  return row;
}

export async function findChangeRequest(db: Db, accountId: string, id: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, id), eq(changeRequests.accountId, accountId)));
  return row;
}

/** The same, locked FOR UPDATE: the state is re-checked inside the write transaction. */
export async function lockChangeRequest(tx: Db, accountId: string, id: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, id), eq(changeRequests.accountId, accountId)))
    .for('update');
  return row;
}

/** For channel callbacks, which know the request only by its id (the session's reference). */
export async function lockChangeRequestById(tx: Db, id: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update');
  return row;
}

/** The request a personal / enterprise verification was started for, locked (a verification is linked to at most one). */
export async function lockChangeRequestOfVerification(tx: Db, kind: 'personal' | 'enterprise', verificationId: string): Promise<ChangeRequestRow | undefined> {
  const column = kind === 'personal' ? changeRequests.personalVerificationId : changeRequests.enterpriseVerificationId;
  const [row] = await tx.select().from(changeRequests).where(eq(column, verificationId)).for('update');
  return row;
}

export async function findChangeRequestOfVerification(db: Db, kind: 'personal' | 'enterprise', verificationId: string): Promise<ChangeRequestRow | undefined> {
  const column = kind === 'personal' ? changeRequests.personalVerificationId : changeRequests.enterpriseVerificationId;
  const [row] = await db.select().from(changeRequests).where(eq(column, verificationId));
  return row;
}

export async function latestChangeRequest(db: Db, accountId: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await db.select().from(changeRequests).where(eq(changeRequests.accountId, accountId)).orderBy(desc(changeRequests.createdAt)).limit(1);
  return row;
}

export async function updateChangeRequest(
  tx: Db,
  row: Pick<ChangeRequestRow, 'id' | 'version'>,
  values: Partial<Omit<Insert, 'id' | 'accountId' | 'createdAt' | 'version'>>,
): Promise<ChangeRequestRow | undefined> {
  const [updated] = await tx
    .update(changeRequests)
    .set({ ...values, version: sql`${changeRequests.version} + 1` })
    .where(and(eq(changeRequests.id, row.id), eq(changeRequests.version, row.version)))
    .returning();
  return updated;
}

/** The reminder is bookkeeping, not an edit: the version stays, so a form open in the browser is not made stale. */
export async function markChangeRequestReminded(tx: Db, id: string, at: Date): Promise<void> {
  await tx.update(changeRequests).set({ remindedAt: at }).where(eq(changeRequests.id, id));
}

export async function findSubjectById(db: Db, id: string) {
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id));
  return row;
}

/** R-CHG-5: whether the account's subject was ever an enterprise (then it never becomes a person again). */
export async function accountWasEverEnterprise(db: Db, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.accountId, accountId), eq(subjects.kind, 'enterprise')))
    .limit(1);
  return Boolean(row);
}

/**
 * Ends the subject's time as the account's current one (a completed change, R-CHG-2).
 * False when it was not current any more: the caller's change must not go on.
 */
export async function markSubjectReplaced(tx: Db, subjectId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(subjects)
    .set({ replacedAt: at })
    .where(and(eq(subjects.id, subjectId), isNull(subjects.replacedAt)))
    .returning({ id: subjects.id });
  return rows.length === 1;
}

/** Unfinished requests with a deadline (the condition of the sweeper's partial index). */
const OPEN_WITH_DEADLINE = sql`${changeRequests.state} not in ('completed', 'cancelled', 'expired') and ${changeRequests.expiresAt} is not null`;

/**
 * R-CHG-E1: unfinished requests whose deadline has passed, oldest first (the partial
 * index change_requests_open_deadline_idx). Not locked: each is ended in its own
 * transaction, which takes its locks in the completions' order.
 */
export async function findOverdueChangeRequests(db: Db, now: Date, limit: number): Promise<ChangeRequestRow[]> {
  return db
    .select()
    .from(changeRequests)
    .where(and(OPEN_WITH_DEADLINE, lte(changeRequests.expiresAt, now)))
    .orderBy(changeRequests.expiresAt)
    .limit(limit);
}

/**
 * Unfinished requests with a deadline before `horizon` whose owner was not yet reminded,
 * claimed FOR UPDATE SKIP LOCKED (two sweepers remind once). Whether the reminder is due
 * is a business-day question the caller answers.
 */
export async function claimUnremindedChangeRequests(tx: Db, horizon: Date, limit: number): Promise<ChangeRequestRow[]> {
  return tx
    .select()
    .from(changeRequests)
    .where(and(OPEN_WITH_DEADLINE, isNull(changeRequests.remindedAt), lte(changeRequests.expiresAt, horizon)))
    .orderBy(changeRequests.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * R-CHG-E2: a completed rename amends the current subject's name in place (its identity
 * key is its code's, so its R-LIM-2 slot does not move). False when the subject is not
 * current any more.
 */
export async function renameCurrentSubject(tx: Db, subjectId: string, name: string): Promise<boolean> {
  const rows = await tx
    .update(subjects)
    .set({ name })
    .where(and(eq(subjects.id, subjectId), isNull(subjects.replacedAt)))
    .returning({ id: subjects.id });
  return rows.length === 1;
}

/**
 * R-CHG-E3: a completed legal-rep update writes the new legal rep onto the current subject
 * in place (added when it had none). False when the subject is not current any more.
 */
export async function amendSubjectLegalRep(tx: Db, subjectId: string, legalRep: { legalRepName: string; legalRepIdNumberEnc: string }): Promise<boolean> {
  const rows = await tx
    .update(subjects)
    .set(legalRep)
    .where(and(eq(subjects.id, subjectId), isNull(subjects.replacedAt)))
    .returning({ id: subjects.id });
  return rows.length === 1;
}

/**
 * R-CHG-E6: the enterprise names the account was verified under before its current one —
 * enterprise subjects a change replaced, and the names completed renames replaced.
 */
export async function findFormerEnterpriseNames(db: Db, accountId: string): Promise<string[]> {
  const [replaced, renamed] = await Promise.all([
    db
      .select({ name: subjects.name })
      .from(subjects)
      .where(and(eq(subjects.accountId, accountId), eq(subjects.kind, 'enterprise'), sql`${subjects.replacedAt} is not null`)),
    db
      .select({ name: changeRequests.previousName })
      .from(changeRequests)
      .where(and(eq(changeRequests.accountId, accountId), eq(changeRequests.type, 'enterprise_rename'), eq(changeRequests.state, 'completed'))),
  ]);
  return [...replaced.map((r) => r.name), ...renamed.flatMap((r) => (r.name ? [r.name] : []))];
}
