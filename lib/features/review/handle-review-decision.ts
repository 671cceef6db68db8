import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import { plugPoint } from '../plug';

/**
 * What a decided review case means to the flow that opened it, by kind — the same shape
 * as handle-settled-channel-session.ts. Runs inside the decision's transaction, so the
 * flow's own transition commits or rolls back with the decision. `decided` is the case
 * row as decided (state approved | rejected, round, reasons, processId).
 */
export type ReviewDecisionHandler = (tx: Tx, decided: ReviewCaseRow, now: Date) => Promise<void>;

/** Exhaustive: a new kind without a handler does not compile. Plugged by the composition root (wiring.ts). */
export const reviewDecisionHandlers = plugPoint<Record<ReviewCaseKind, ReviewDecisionHandler>>('review: decision handlers');

export async function handleReviewDecision(tx: Tx, decided: ReviewCaseRow, now: Date): Promise<void> {
  await reviewDecisionHandlers.get()[decided.kind](tx, decided, now);
}
