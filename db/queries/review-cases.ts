import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { accounts, reviewCaseItems, reviewCases, uploads, type ReviewCaseRow } from '../schema';

type CaseInsert = typeof reviewCases.$inferInsert;
type ItemInsert = typeof reviewCaseItems.$inferInsert;
type CaseState = ReviewCaseRow['state'];
type CaseKind = ReviewCaseRow['kind'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertReviewCase(tx: Db, values: CaseInsert, items: Omit<ItemInsert, 'caseId'>[]) {
  const [row] = await tx.insert(reviewCases).values(values).returning();
  if (items.length > 0) await tx.insert(reviewCaseItems).values(items.map((i) => ({ ...i, caseId: row!.id })));
  return row!;
}

/** Any case by id (staff); a malformed id reads as not found. */
export async function findReviewCase(db: Db, id: string) {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(reviewCases).where(eq(reviewCases.id, id));
  return row;
}

/** One account's case: another account's id reads as not found (SECURITY 11). */
export async function findAccountReviewCase(db: Db, accountId: string, id: string) {
  if (!UUID.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.id, id), eq(reviewCases.accountId, accountId)));
  return row;
}

/** The same, locked FOR UPDATE: the state is re-checked inside the write transaction. */
export async function lockAccountReviewCase(tx: Db, accountId: string, id: string) {
  if (!UUID.test(id)) return undefined;
  const [row] = await tx
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.id, id), eq(reviewCases.accountId, accountId)))
    .for('update');
  return row;
}

/** The cases a flow's process opened, newest first (a flow reads its case's state here). */
export async function listReviewCasesOfProcess(db: Db, processId: string) {
  return db.select().from(reviewCases).where(eq(reviewCases.processId, processId)).orderBy(desc(reviewCases.createdAt));
}

/** A case's items in their order, with what the upload table says about file items. */
export async function listReviewCaseItems(db: Db, caseId: string) {
  return db
    .select({
      item: reviewCaseItems,
      upload: { contentType: uploads.contentType, purgedAt: uploads.purgedAt, width: uploads.width, height: uploads.height },
    })
    .from(reviewCaseItems)
    .leftJoin(uploads, eq(uploads.id, reviewCaseItems.uploadId))
    .where(eq(reviewCaseItems.caseId, caseId))
    .orderBy(asc(reviewCaseItems.position));
}

export async function findReviewCaseItem(db: Db, caseId: string, key: string) {
  const [row] = await db
    .select()
    .from(reviewCaseItems)
    .where(and(eq(reviewCaseItems.caseId, caseId), eq(reviewCaseItems.key, key as ItemInsert['key'])));
  return row;
}

export async function updateReviewCaseItem(tx: Db, caseId: string, key: string, values: Pick<ItemInsert, 'textValue' | 'valueEnc' | 'uploadId' | 'submittedRound'>) {
  await tx
    .update(reviewCaseItems)
    .set(values)
    .where(and(eq(reviewCaseItems.caseId, caseId), eq(reviewCaseItems.key, key as ItemInsert['key'])));
}

/**
 * Decides round `round` of an open case in one conditional statement: of two concurrent
 * decisions, the second finds the state no longer `open` (PostgreSQL re-checks the WHERE
 * after the first commits) and gets nothing back. Answers the decided row, or undefined.
 */
export async function decideOpenReviewCase(
  tx: Db,
  id: string,
  round: number,
  values: Pick<CaseInsert, 'state' | 'decidedAt' | 'decidedBy' | 'updatedAt'> & Partial<Pick<CaseInsert, 'reasons' | 'reasonsRound' | 'internalNote'>>,
) {
  const [row] = await tx
    .update(reviewCases)
    .set(values)
    .where(and(eq(reviewCases.id, id), eq(reviewCases.state, 'open'), eq(reviewCases.round, round)))
    .returning();
  return row;
}

/** Moves a case from `from` states to `values.state` when it is still in one of them (cancel, re-open). */
export async function moveReviewCase(tx: Db, id: string, from: readonly CaseState[], round: number, values: Partial<Omit<CaseInsert, 'id' | 'accountId' | 'kind' | 'processId'>>) {
  const [row] = await tx
    .update(reviewCases)
    .set(values)
    .where(and(eq(reviewCases.id, id), inArray(reviewCases.state, [...from]), eq(reviewCases.round, round)))
    .returning();
  return row;
}

export interface ReviewQueueFilter {
  states: readonly CaseState[];
  kinds: readonly CaseKind[];
  limit: number;
  offset: number;
}

/**
 * The queue (SPEC §7, §13): open cases past their due time first, then the other open
 * cases, both by due time (then the longest waiting first), then decided ones, latest first. Answers the page and the total.
 */
export async function listReviewQueue(db: Db, filter: ReviewQueueFilter, now: Date) {
  const where: SQL[] = [];
  if (filter.states.length > 0) where.push(inArray(reviewCases.state, [...filter.states]));
  if (filter.kinds.length > 0) where.push(inArray(reviewCases.kind, [...filter.kinds]));
  const condition = where.length > 0 ? and(...where) : undefined;
  const isOpen = sql`${reviewCases.state} = 'open'`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: reviewCases.id,
        kind: reviewCases.kind,
        state: reviewCases.state,
        round: reviewCases.round,
        accountId: reviewCases.accountId,
        accountNumber: accounts.accountNumber,
        openedAt: reviewCases.openedAt,
        dueAt: reviewCases.dueAt,
        decidedAt: reviewCases.decidedAt,
        updatedAt: reviewCases.updatedAt,
      })
      .from(reviewCases)
      .innerJoin(accounts, eq(accounts.id, reviewCases.accountId))
      .where(condition)
      .orderBy(
        sql`(${isOpen} and ${reviewCases.dueAt} <= ${now.toISOString()}::timestamptz) desc`,
        sql`(${isOpen}) desc`,
        sql`case when ${isOpen} then ${reviewCases.dueAt} end asc`,
        sql`case when ${isOpen} then ${reviewCases.openedAt} end asc`,
        desc(reviewCases.updatedAt),
        asc(reviewCases.id),
      )
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(reviewCases).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Whether a case of one of these kinds waits for a reviewer on the account. */
export async function hasOpenReviewCase(db: Db, accountId: string, kinds: readonly CaseKind[]): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewCases.id })
    .from(reviewCases)
    .where(and(eq(reviewCases.accountId, accountId), eq(reviewCases.state, 'open'), inArray(reviewCases.kind, [...kinds])))
    .limit(1);
  return Boolean(row);
}

/** An account's own cases, newest first (the user's 审核记录). */
export async function listAccountReviewCases(db: Db, accountId: string) {
  return db.select().from(reviewCases).where(eq(reviewCases.accountId, accountId)).orderBy(desc(reviewCases.createdAt));
}
