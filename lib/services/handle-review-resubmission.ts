import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import { applyPayoutResubmission } from './apply-payout-resubmission';
import { applyRenameResubmission } from './apply-rename-review';
import { applySubjectChangeResubmission } from './apply-subject-change-review';

/**
 * What a resubmitted review case (the user replaced rejected items, the case re-opened
 * as its next round) means to the flow that opened it, by kind — the same shape as
 * handle-review-decision.ts. Runs inside the resubmission's transaction.
 */
export type ReviewResubmissionHandler = (tx: Tx, resubmitted: ReviewCaseRow, now: Date) => Promise<void>;

/** Exhaustive: a new kind without a handler does not compile. */
const handlers: Record<ReviewCaseKind, ReviewResubmissionHandler> = {
  payout_materials: applyPayoutResubmission,
  subject_change_proofs: applySubjectChangeResubmission,
  name_change_proofs: applyRenameResubmission,
};

export async function handleReviewResubmission(tx: Tx, resubmitted: ReviewCaseRow, now: Date): Promise<void> {
  await handlers[resubmitted.kind](tx, resubmitted, now);
}
