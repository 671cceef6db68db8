import { findChangeRequest } from '@/db/queries/change-requests';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import { addressLabel } from '@/lib/geo/divisions';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_NEW_CODE_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import type { ServiceContext } from '../context';
import { SUBJECT_CHANGE_TYPE } from './enterprise-subject-change-steps';
import { getChangeReview, type ChangeReviewView } from './get-change-review';

/** What the A → B steps show beyond SubjectChangeView: the request's own data (masked) and its review. */
export interface EnterpriseSubjectChangeDetails {
  legalRepName: string;
  legalRepIdMasked: string;
  newName: string;
  newCodeMasked: string;
  address: string;
  /** R-CHG-E1: the 7 days' end. */
  expiresAt: Date | null;
  review: ChangeReviewView | null;
}

/** The signed-in account's A → B request, as its steps show it (another account's id is NOT_FOUND). */
export async function getEnterpriseSubjectChange(ctx: ServiceContext, accountId: string, changeId: string): Promise<EnterpriseSubjectChangeDetails> {
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== SUBJECT_CHANGE_TYPE) throw new AppError('NOT_FOUND');
  return {
    legalRepName: row.legalRepName ?? '',
    legalRepIdMasked: row.legalRepIdNumberEnc ? maskIdentifier(decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT)) : '',
    newName: row.newName ?? '',
    newCodeMasked: row.newCodeEnc ? maskIdentifier(decryptField(row.newCodeEnc, CHANGE_NEW_CODE_CONTEXT)) : '',
    address: row.province && row.city && row.district ? `${addressLabel(row.province, row.city, row.district)} ${row.addressDetail ?? ''}`.trim() : '',
    expiresAt: row.expiresAt,
    review: await getChangeReview(ctx, row),
  };
}
