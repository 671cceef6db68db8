import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import { applyPayoutReviewDecision } from './apply-payout-review-decision';

/**
 * What a decided review case means to the flow that opened it, by kind — the same shape
 * as handle-settled-channel-session.ts. Runs inside the decision's transaction, so the
 * flow's own transition commits or rolls back with the decision. `decided` is the case
 * row as decided (state approved | rejected, round, reasons, processId).
 */
export type ReviewDecisionHandler = (tx: Tx, decided: ReviewCaseRow, now: Date) => Promise<void>;

/**
 * Exhaustive: a new kind without a handler does not compile. The subject and name
 * changes come with issue 8; until then their handlers are no-ops and a decision only
 * changes the case, audits and notifies.
 */
const handlers: Record<ReviewCaseKind, ReviewDecisionHandler> = {
  payout_materials: applyPayoutReviewDecision,
  subject_change_proofs: async () => {},
  name_change_proofs: async () => {},
};

export async function handleReviewDecision(tx: Tx, decided: ReviewCaseRow, now: Date): Promise<void> {
  await handlers[decided.kind](tx, decided, now);
}
