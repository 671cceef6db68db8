import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChangeRequestById } from '@/db/queries/change-requests';
import { listReviewCaseItems } from '@/db/queries/review-cases';
import type { ChangeRequestRow, ReviewCaseRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { CHANGE_NEW_CODE_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { moveChangeRequest } from './change-request-steps';
import { SUBJECT_CHANGE_TYPE } from './enterprise-subject-change-steps';
import { reviewItemContext } from '@/lib/features/review';

/** The request a case of this kind was opened for, locked, when it still waits for `state` on this very case. */
async function lockWaitingRequest(tx: Tx, reviewCase: ReviewCaseRow, state: 'in_review' | 'rejected', now: Date, what: 'decision' | 'resubmission'): Promise<ChangeRequestRow | null> {
  const row = isUuid(reviewCase.processId) ? await lockChangeRequestById(tx, reviewCase.processId) : undefined;
  if (row && row.type === SUBJECT_CHANGE_TYPE && row.reviewCaseId === reviewCase.id && row.state === state) return row;
  // 撤销 or the 7 days ended the request first (its case is then cancelled with it), or a stale case.
  await appendAudit(tx, {
    at: now,
    action: `subject_change.${what}_ignored`,
    accountId: reviewCase.accountId,
    target: auditTarget('subject_change', reviewCase.processId),
    data: { reviewCaseId: reviewCase.id, state: row?.state ?? null },
  });
  return null;
}

/**
 * R-CHG-E1: a reviewer decided the 企业主体变更证明材料, inside the decision's transaction:
 * approved → the new subject's data (new_data: 《接受实名认证主体变更协议》 and the enterprise
 * wizard for the approved enterprise); rejected → the user fixes the named items on the
 * review case page and resubmits. The user was told by the decision itself (email, SMS
 * and 站内信). A decision on a case the request no longer waits for changes nothing.
 */
export async function applySubjectChangeReviewDecision(tx: Tx, decided: ReviewCaseRow, now: Date): Promise<void> {
  const row = await lockWaitingRequest(tx, decided, 'in_review', now, 'decision');
  if (!row) return;
  if (decided.state === 'approved') await moveChangeRequest(tx, row, 'review_approved', now, {}, decided.decidedBy);
  else if (decided.state === 'rejected') await moveChangeRequest(tx, row, 'review_rejected', now, {}, decided.decidedBy);
}

/**
 * R-CHG-E1: the rejected proofs were fixed and sent again (the review case page's
 * resubmission, in its transaction): the request waits for the reviewer again. A
 * corrected 变更后企业名称 / 社会信用代码 becomes the request's — the enterprise the wizard
 * must then verify. The old legal rep's items stay evidence for the reviewer: the face
 * check proved the person named when the request started.
 */
export async function applySubjectChangeResubmission(tx: Tx, resubmitted: ReviewCaseRow, now: Date): Promise<void> {
  const row = await lockWaitingRequest(tx, resubmitted, 'rejected', now, 'resubmission');
  if (!row) return;
  const changes: Partial<Pick<ChangeRequestRow, 'newName' | 'newCodeEnc'>> = {};
  for (const { item } of await listReviewCaseItems(tx, resubmitted.id)) {
    if (item.submittedRound !== resubmitted.round) continue;
    if (item.key === 'new_enterprise_name' && item.textValue) changes.newName = item.textValue;
    if (item.key === 'new_enterprise_code' && item.valueEnc) {
      changes.newCodeEnc = encryptField(decryptField(item.valueEnc, reviewItemContext(item.key)), CHANGE_NEW_CODE_CONTEXT);
    }
  }
  await moveChangeRequest(tx, row, 'resubmit', now, changes);
}
