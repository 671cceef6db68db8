import { randomInt } from 'node:crypto';
import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockPayoutById } from '@/db/queries/payouts';
import type { ReviewCaseRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { drawMicroAmount } from '@/lib/domain/verification/micro-amount';
import { movePayout } from './payout-verification-steps';

/**
 * A reviewer decided the payout's materials (R-E-PAY 3–4, 6), inside the decision's
 * transaction: approved → the amount is drawn here, from node:crypto (SECURITY 26), and
 * the payout waits for sendApprovedPayouts (the bank is called outside any transaction);
 * rejected → the user sees the reasons and resubmits through the review case. The user
 * has been told by the decision itself (review_approved / review_rejected). A decision
 * on a case the run no longer waits for changes nothing.
 */
export async function applyPayoutReviewDecision(tx: Tx, decided: ReviewCaseRow, now: Date): Promise<void> {
  const row = await lockPayoutById(tx, decided.processId);
  if (!row || row.reviewCaseId !== decided.id || row.state !== 'under_review') {
    await appendAudit(tx, {
      at: now,
      action: 'payout_verification.decision_ignored',
      accountId: decided.accountId,
      target: auditTarget('payout_verification', decided.processId),
      data: { reviewCaseId: decided.id, state: row?.state ?? null },
    });
    return;
  }
  if (decided.state === 'approved') {
    await movePayout(tx, row, 'review_approved', now, { amountFen: drawMicroAmount(randomInt), payoutAttempt: row.payoutAttempt + 1, approvedAt: now, bankPayoutId: null, failureCode: null }, decided.decidedBy);
  } else if (decided.state === 'rejected') {
    await movePayout(tx, row, 'review_rejected', now, {}, decided.decidedBy);
  }
}
