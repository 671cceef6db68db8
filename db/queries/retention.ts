import { and, inArray, is, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as schema from '../schema';
import {
  changeRequests,
  enterpriseVerifications,
  personalVerifications,
  uploads,
  type ChangeRequestRow,
  type EnterpriseVerificationRow,
  type PersonalVerificationRow,
  type UploadRow,
} from '../schema';

/**
 * Data access of the retention sweep (lib/features/privacy/apply-retention.ts). Every claim is
 * FOR UPDATE SKIP LOCKED, so two sweepers never handle the same row.
 */

/** Columns that point at `target`'s id: every foreign key of the schema, plus the ones kept without a constraint. */
function referencesTo(target: PgTable, extra: { table: PgTable; column: string }[] = []): SQL[] {
  const found: SQL[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (ref.foreignTable === target) found.push(notReferenced(config.name, ref.columns[0]!.name, getTableConfig(target).name));
    }
  }
  for (const e of extra) found.push(notReferenced(getTableConfig(e.table).name, e.column, getTableConfig(target).name));
  return found;
}

/** A Date inside raw SQL: postgres.js does not serialise a Date where no column type tells it how. */
function timestamp(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

function notReferenced(table: string, column: string, target: string): SQL {
  return sql`not exists (select 1 from ${sql.identifier(table)} r where r.${sql.identifier(column)} = ${sql.identifier(target)}.id)`;
}

export async function claimIdlePersonalVerifications(tx: Db, states: readonly PersonalVerificationRow['state'][], before: Date, limit: number) {
  return tx
    .select()
    .from(personalVerifications)
    .where(and(inArray(personalVerifications.state, [...states]), lt(personalVerifications.updatedAt, before)))
    .orderBy(personalVerifications.updatedAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function claimIdleEnterpriseVerifications(tx: Db, states: readonly EnterpriseVerificationRow['state'][], before: Date, limit: number) {
  return tx
    .select()
    .from(enterpriseVerifications)
    .where(and(inArray(enterpriseVerifications.state, [...states]), lt(enterpriseVerifications.updatedAt, before)))
    .orderBy(enterpriseVerifications.updatedAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

const ENDED_PERSONAL: PersonalVerificationRow['state'][] = ['failed', 'expired', 'cancelled'];
const ENDED_ENTERPRISE: EnterpriseVerificationRow['state'][] = ['failed', 'expired', 'cancelled'];

/** Deletes ended personal verifications older than `before`; answers what went (for the audit log). */
export async function deleteEndedPersonalVerifications(tx: Db, before: Date, limit: number) {
  const ids = tx
    .select({ id: personalVerifications.id })
    .from(personalVerifications)
    .where(and(inArray(personalVerifications.state, ENDED_PERSONAL), sql`coalesce(${personalVerifications.completedAt}, ${personalVerifications.updatedAt}) < ${timestamp(before)}`))
    .limit(limit)
    .for('update', { skipLocked: true });
  return tx
    .delete(personalVerifications)
    .where(inArray(personalVerifications.id, ids))
    .returning({ id: personalVerifications.id, accountId: personalVerifications.accountId, state: personalVerifications.state });
}

/**
 * Deletes ended enterprise verifications older than `before` that nothing refers to any
 * more (a recharge or payout of theirs goes first, by its own rule); their licence then
 * becomes an unreferenced upload.
 */
export async function deleteEndedEnterpriseVerifications(tx: Db, before: Date, limit: number) {
  const ids = tx
    .select({ id: enterpriseVerifications.id })
    .from(enterpriseVerifications)
    .where(
      and(
        inArray(enterpriseVerifications.state, ENDED_ENTERPRISE),
        sql`coalesce(${enterpriseVerifications.completedAt}, ${enterpriseVerifications.updatedAt}) < ${timestamp(before)}`,
        ...referencesTo(enterpriseVerifications),
      ),
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  return tx
    .delete(enterpriseVerifications)
    .where(inArray(enterpriseVerifications.id, ids))
    .returning({ id: enterpriseVerifications.id, accountId: enterpriseVerifications.accountId, state: enterpriseVerifications.state });
}

/** Uploads older than `before`, not purged yet, that no row refers to (subjects keep their licence without a constraint). */
export async function claimUnreferencedUploads(tx: Db, before: Date, limit: number): Promise<UploadRow[]> {
  return tx
    .select()
    .from(uploads)
    .where(and(isNull(uploads.purgedAt), lt(uploads.createdAt, before), ...referencesTo(uploads, [{ table: schema.subjects, column: 'licence_upload_id' }])))
    .orderBy(uploads.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markUploadsPurged(tx: Db, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await tx.update(uploads).set({ purgedAt: now }).where(inArray(uploads.id, ids));
}

/**
 * Unfinished change requests not touched since `before`, in `states` (the steps that wait
 * for the user). Not locked: each is closed in a transaction of its own, which takes its
 * locks in the completions' order (lib/features/change/end-change-request.ts).
 */
export async function findIdleChangeRequests(db: Db, states: readonly ChangeRequestRow['state'][], before: Date, limit: number): Promise<ChangeRequestRow[]> {
  return db
    .select()
    .from(changeRequests)
    .where(and(inArray(changeRequests.state, [...states]), lt(changeRequests.updatedAt, before)))
    .orderBy(changeRequests.updatedAt)
    .limit(limit);
}

/**
 * Ended change requests stay (their names are history: R-CHG-E6), but their numbers — the
 * legal rep's ID, the new code — are erased once the retention period has passed.
 */
export async function scrubEndedChangeRequests(tx: Db, before: Date, limit: number) {
  const ids = tx
    .select({ id: changeRequests.id })
    .from(changeRequests)
    .where(
      and(
        inArray(changeRequests.state, ['completed', 'cancelled', 'expired']),
        sql`coalesce(${changeRequests.completedAt}, ${changeRequests.updatedAt}) < ${timestamp(before)}`,
        sql`(${changeRequests.legalRepIdNumberEnc} is not null or ${changeRequests.newCodeEnc} is not null)`,
      ),
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  return tx
    .update(changeRequests)
    .set({ legalRepIdNumberEnc: null, newCodeEnc: null })
    .where(inArray(changeRequests.id, ids))
    .returning({ id: changeRequests.id, accountId: changeRequests.accountId, state: changeRequests.state });
}
