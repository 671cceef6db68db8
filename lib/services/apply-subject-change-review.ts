import type { Tx } from '@/db/client';
import type { ReviewCaseRow } from '@/db/schema';

/** R-CHG-E1: a decided 企业主体变更证明材料 case moves its A → B request (placeholder until built). */
export async function applySubjectChangeReviewDecision(_tx: Tx, _decided: ReviewCaseRow, _now: Date): Promise<void> {}

/** R-CHG-E1: the rejected proofs were fixed and sent again (placeholder until built). */
export async function applySubjectChangeResubmission(_tx: Tx, _resubmitted: ReviewCaseRow, _now: Date): Promise<void> {}
