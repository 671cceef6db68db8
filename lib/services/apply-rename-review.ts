import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';

/** R-CHG-E2: a decided 企业名称变更证明材料 case moves its rename request (placeholder until built). */
export async function applyRenameReviewDecision(_tx: Tx, _decided: ReviewCaseRow, _now: Date): Promise<void> {}

/** R-CHG-E2: the rejected proofs were fixed and sent again (placeholder until built). */
export async function applyRenameResubmission(_tx: Tx, _resubmitted: ReviewCaseRow, _now: Date): Promise<void> {}
