import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChangeRequestById } from '@/db/queries/change-requests';
import { listReviewCaseItems } from '@/db/queries/review-cases';
import type { ChangeRequestRow, ReviewCaseRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { moveChangeRequest } from './change-request-steps';
import { completeEnterpriseRenameInTx } from './complete-enterprise-rename';

/** The rename request a case was opened for, locked, when it still waits for `state` on this very case. */
async function lockWaitingRename(tx: Tx, kase: ReviewCaseRow, state: 'in_review' | 'rejected', now: Date, ignored: 'decision_ignored' | 'resubmission_ignored'): Promise<ChangeRequestRow | null> {
  const row = await lockChangeRequestById(tx, kase.processId);
  if (row && row.type === 'enterprise_rename' && row.reviewCaseId === kase.id && row.state === state) return row;
  // 撤销 (or a newer round) came first: the case no longer moves the request.
  await appendAudit(tx, {
    at: now,
    action: `enterprise_rename.${ignored}`,
    accountId: kase.accountId,
    target: auditTarget('subject_change', kase.processId),
    data: { reviewCaseId: kase.id, state: row?.state ?? null },
  });
  return null;
}

/**
 * R-CHG-E2: a reviewer decided the 企业名称变更证明材料, inside the decision's transaction:
 * approved → the subject's name is amended and the request completes (process freed,
 * owner told, `change.completed`); rejected → the request waits for the user to fix the
 * named items on the case's page. The decision itself told the user of the review result.
 */
export async function applyRenameReviewDecision(tx: Tx, decided: ReviewCaseRow, now: Date): Promise<void> {
  const row = await lockWaitingRename(tx, decided, 'in_review', now, 'decision_ignored');
  if (!row) return;
  if (decided.state === 'approved') await completeEnterpriseRenameInTx(tx, row, 'review_approved', now, decided.decidedBy);
  else if (decided.state === 'rejected') await moveChangeRequest(tx, row, 'review_rejected', now, {}, decided.decidedBy);
}

/**
 * R-CHG-E2: the rejected items were replaced on the case's page and the case re-opened;
 * the request is in review again and takes a corrected 变更后企业名称 with it.
 */
export async function applyRenameResubmission(tx: Tx, resubmitted: ReviewCaseRow, now: Date): Promise<void> {
  const row = await lockWaitingRename(tx, resubmitted, 'rejected', now, 'resubmission_ignored');
  if (!row) return;
  const items = await listReviewCaseItems(tx, resubmitted.id);
  const name = items.find(({ item }) => item.key === 'new_enterprise_name' && item.submittedRound === resubmitted.round)?.item.textValue;
  await moveChangeRequest(tx, row, 'resubmit', now, name ? { newName: name } : {});
}
