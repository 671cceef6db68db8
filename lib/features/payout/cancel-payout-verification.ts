import type { Tx } from '@/db/client';
import { latestPayoutOfEnterprise, lockPayoutById } from '@/db/queries/payouts';
import type { EnterpriseVerificationRow } from '@/db/schema';
import { payoutTransition } from '@/lib/domain/verification/payout-machine';
import { AppError } from '@/lib/errors';
import { cancelReviewCaseInTx } from '@/lib/features/review';
import { movePayout } from './payout-verification-steps';

/**
 * 撤销审核 / 更换其他认证方式 / 修改企业名称 / 撤销 while the payout runs (see
 * leave-bank-method.ts), the enterprise row locked by the caller: allowed while nothing
 * was sent (operator_check, under_review, rejected) or after 打款失败; the open or
 * rejected review case is cancelled with it. Once approved the payout is in flight and
 * runs to its end: STEP_NOT_ALLOWED. A run already ended leaves nothing to cancel.
 *
 * Locks: the case before the payout, as the reviewer's decision takes them. The payout
 * is read first without a lock, so that a refusal never waits on the sweeper.
 */
export async function cancelPayoutInTx(tx: Tx, enterprise: EnterpriseVerificationRow, now: Date): Promise<void> {
  const latest = await latestPayoutOfEnterprise(tx, enterprise.id);
  if (!latest || latest.state === 'succeeded' || latest.state === 'failed' || latest.state === 'cancelled') return;
  if (!payoutTransition(latest.state, 'cancel')) throw new AppError('STEP_NOT_ALLOWED');
  if (latest.reviewCaseId && (latest.state === 'under_review' || latest.state === 'rejected')) {
    await cancelReviewCaseInTx(tx, enterprise.accountId, latest.reviewCaseId, now);
  }
  const row = await lockPayoutById(tx, latest.id);
  if (!row || !payoutTransition(row.state, 'cancel')) throw new AppError('STEP_NOT_ALLOWED');
  await movePayout(tx, row, 'cancel', now, { completedAt: now });
}
