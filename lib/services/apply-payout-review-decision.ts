import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';

// PLACEHOLDER (issue 7, being built): moves the payout verification of `decided.processId` on approval / rejection.
export async function applyPayoutReviewDecision(_tx: Tx, _decided: ReviewCaseRow, _now: Date): Promise<void> {}
