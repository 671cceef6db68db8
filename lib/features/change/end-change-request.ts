import type { Tx } from '@/db/client';
import { lockChangeRequestById } from '@/db/queries/change-requests';
import { lockEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { lockPersonalVerification } from '@/db/queries/personal-verifications';
import { lockAccountReviewCase } from '@/db/queries/review-cases';
import { releaseAccountProcess } from '@/db/queries/subjects';
import type { ChangeRequestRow } from '@/db/schema';
import { isChangeFinal } from '@/lib/domain/change/change-machines';
import { reviewCaseTransition } from '@/lib/domain/review/case-machine';
import { enterpriseTransition } from '@/lib/domain/verification/enterprise-machine';
import { personalTransition } from '@/lib/domain/verification/personal-machine';
import { AppError } from '@/lib/errors';
import { cancelReviewCaseInTx } from '@/lib/features/review';
import { moveChangeRequest } from './change-request-steps';
import { moveEnterprise } from '@/lib/features/enterprise';
import { leaveBankMethodInTx } from '@/lib/features/enterprise';
import { movePersonal } from '@/lib/features/personal';

/**
 * Ends an unfinished change request — 撤销 (R-CHG-3) or the 7 days of an A → B request
 * passing (R-CHG-E1) — and closes what it opened: its linked verification (a running
 * recharge through leaveBankMethodInTx; an approved payout cannot be left and refuses with
 * STEP_NOT_ALLOWED), its open or rejected review case, and its face / WeChat session,
 * whose late result is then ignored because the request no longer waits for it. Frees the
 * account's process. The old subject was never touched (R-CHG-2): the account is exactly
 * as before.
 *
 * Locks in the order every completion takes them: the linked verification, the review
 * case (a decision locks the case, then the request), then the request. `seen` is the
 * request as read before the transaction. Answers the ended request and the state it
 * left; null when it had already ended.
 */
export async function endChangeRequestInTx(
  tx: Tx,
  seen: ChangeRequestRow,
  event: 'cancel' | 'expire',
  now: Date,
  actorAccountId: string | null,
  /** Only when nobody touched the request since `seen` (the idle sweep: a user who acted meanwhile keeps it). */
  onlyIfUnchanged = false,
): Promise<{ ended: ChangeRequestRow; from: ChangeRequestRow['state'] } | null> {
  const accountId = seen.accountId;
  const personal = seen.personalVerificationId ? await lockPersonalVerification(tx, accountId, seen.personalVerificationId) : undefined;
  const enterprise = seen.enterpriseVerificationId ? await lockEnterpriseVerification(tx, accountId, seen.enterpriseVerificationId) : undefined;
  const reviewCase = seen.reviewCaseId ? await lockAccountReviewCase(tx, accountId, seen.reviewCaseId) : undefined;
  const row = await lockChangeRequestById(tx, seen.id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state === 'cancelled' || row.state === 'expired') return null; // a double click, or the sweeper was first
  if ((event === 'expire' && isChangeFinal(row.state)) || (onlyIfUnchanged && row.version !== seen.version)) return null;
  if (
    row.personalVerificationId !== seen.personalVerificationId ||
    row.enterpriseVerificationId !== seen.enterpriseVerificationId ||
    row.reviewCaseId !== seen.reviewCaseId
  ) {
    throw new AppError('CONFLICT');
  }

  const ended = await moveChangeRequest(tx, row, event, now, { completedAt: now }, actorAccountId);
  if (personal && personalTransition(personal.state, 'cancel')) await movePersonal(tx, personal, 'cancel', now, { completedAt: now });
  if (enterprise && enterpriseTransition(enterprise.state, 'cancel')) {
    await leaveBankMethodInTx(tx, enterprise, now);
    await moveEnterprise(tx, enterprise, 'cancel', now, { completedAt: now });
  }
  if (reviewCase && reviewCaseTransition(reviewCase.state, 'cancel')) await cancelReviewCaseInTx(tx, accountId, reviewCase.id, now);
  await releaseAccountProcess(tx, accountId, row.id);
  return { ended, from: row.state };
}
