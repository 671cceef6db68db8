import { findChangeRequest } from '@/db/queries/change-requests';
import { findAccountReviewCase } from '@/db/queries/review-cases';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import { addressLabel } from '@/lib/geo/divisions';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_NEW_CODE_CONTEXT, CHANGE_UUID } from './change-request-steps';
import type { ServiceContext } from './context';
import { SUBJECT_CHANGE_TYPE } from './enterprise-subject-change-steps';
import { getAccountReviewCase, type ItemToFix } from './get-account-review-case';

/** What the A → B steps show beyond SubjectChangeView: the request's own data (masked) and its review. */
export interface EnterpriseSubjectChangeDetails {
  legalRepName: string;
  legalRepIdMasked: string;
  newName: string;
  newCodeMasked: string;
  address: string;
  /** R-CHG-E1: the 7 days' end. */
  expiresAt: Date | null;
  review: {
    id: string;
    submittedAt: Date;
    /** The 1-business-day promise (the case's due time). */
    dueAt: Date;
    itemsToFix: ItemToFix[];
  } | null;
}

/** The signed-in account's A → B request, as its steps show it (another account's id is NOT_FOUND). */
export async function getEnterpriseSubjectChange(ctx: ServiceContext, accountId: string, changeId: string): Promise<EnterpriseSubjectChangeDetails> {
  const row = CHANGE_UUID.test(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== SUBJECT_CHANGE_TYPE) throw new AppError('NOT_FOUND');
  const kase = row.reviewCaseId ? await findAccountReviewCase(ctx.db, accountId, row.reviewCaseId) : undefined;
  const fixes = kase && kase.state === 'rejected' ? (await getAccountReviewCase(ctx, accountId, kase.id)).itemsToFix : [];
  return {
    legalRepName: row.legalRepName ?? '',
    legalRepIdMasked: row.legalRepIdNumberEnc ? maskIdentifier(decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT)) : '',
    newName: row.newName ?? '',
    newCodeMasked: row.newCodeEnc ? maskIdentifier(decryptField(row.newCodeEnc, CHANGE_NEW_CODE_CONTEXT)) : '',
    address: row.province && row.city && row.district ? `${addressLabel(row.province, row.city, row.district)} ${row.addressDetail ?? ''}`.trim() : '',
    expiresAt: row.expiresAt,
    review: kase ? { id: kase.id, submittedAt: kase.openedAt, dueAt: kase.dueAt, itemsToFix: fixes } : null,
  };
}
