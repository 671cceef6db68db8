import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import { plugPoint } from '../plug';

/**
 * What a resubmitted review case (the user replaced rejected items, the case re-opened
 * as its next round) means to the flow that opened it, by kind — the same shape as
 * handle-review-decision.ts. Runs inside the resubmission's transaction.
 */
export type ReviewResubmissionHandler = (tx: Tx, resubmitted: ReviewCaseRow, now: Date) => Promise<void>;

/** Exhaustive: a new kind without a handler does not compile. Plugged by the composition root (wiring.ts). */
export const reviewResubmissionHandlers = plugPoint<Record<ReviewCaseKind, ReviewResubmissionHandler>>('review: resubmission handlers');

export async function handleReviewResubmission(tx: Tx, resubmitted: ReviewCaseRow, now: Date): Promise<void> {
  await reviewResubmissionHandlers.get()[resubmitted.kind](tx, resubmitted, now);
}
