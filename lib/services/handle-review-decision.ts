import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import { applyPayoutReviewDecision } from './apply-payout-review-decision';
import { applyRenameReviewDecision } from './apply-rename-review';
import { applySubjectChangeReviewDecision } from './apply-subject-change-review';

/**
 * What a decided review case means to the flow that opened it, by kind — the same shape
 * as handle-settled-channel-session.ts. Runs inside the decision's transaction, so the
 * flow's own transition commits or rolls back with the decision. `decided` is the case
 * row as decided (state approved | rejected, round, reasons, processId).
 */
export type ReviewDecisionHandler = (tx: Tx, decided: ReviewCaseRow, now: Date) => Promise<void>;

/** Exhaustive: a new kind without a handler does not compile. */
const handlers: Record<ReviewCaseKind, ReviewDecisionHandler> = {
  payout_materials: applyPayoutReviewDecision,
  subject_change_proofs: applySubjectChangeReviewDecision,
  name_change_proofs: applyRenameReviewDecision,
};

export async function handleReviewDecision(tx: Tx, decided: ReviewCaseRow, now: Date): Promise<void> {
  await handlers[decided.kind](tx, decided, now);
}
