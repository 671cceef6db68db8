import type { Db } from '@/db/client';
import { findChangeRequest } from '@/db/queries/change-requests';
import type { ChangeRequestRow } from '@/db/schema';
import { isChangeOverdue } from '@/lib/domain/change/deadlines';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/schemas/uuid';
import { lockOwnChangeRequest } from './change-request-steps';

/** 变更企业主体（A企业变成B企业）(R-CHG-E1). */
export const SUBJECT_CHANGE_TYPE = 'enterprise_to_enterprise';


/**
 * An A → B request of the account that may still take a step: another account's id, or
 * a request of another type, is NOT_FOUND (IDOR); a request whose 7 days have passed is
 * refused even before the sweeper marks it `expired` (SPEC §8: deadlines apply when read).
 */
export function requireOpenSubjectChange(row: ChangeRequestRow | undefined, now: Date): ChangeRequestRow {
  if (!row || row.type !== SUBJECT_CHANGE_TYPE) throw new AppError('NOT_FOUND');
  if (isChangeOverdue(SUBJECT_CHANGE_TYPE, row.state, row.createdAt, now)) throw new AppError('CHANGE_NOT_ALLOWED', { reason: { code: 'change.error.subject_change_expired' } });
  return row;
}

/** The account's A → B request, read outside a transaction (before a channel call). */
export async function findOpenSubjectChange(db: Db, accountId: string, changeId: string, now: Date): Promise<ChangeRequestRow> {
  return requireOpenSubjectChange(isUuid(changeId) ? await findChangeRequest(db, accountId, changeId) : undefined, now);
}

/** The same, locked FOR UPDATE inside the write transaction (the state is re-checked there). */
export async function lockOpenSubjectChange(tx: Db, accountId: string, changeId: string, now: Date): Promise<ChangeRequestRow> {
  return requireOpenSubjectChange(await lockOwnChangeRequest(tx, accountId, changeId), now);
}
