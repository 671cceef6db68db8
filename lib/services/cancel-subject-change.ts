import { lockEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { findChangeRequest } from '@/db/queries/change-requests';
import { lockPersonalVerification } from '@/db/queries/personal-verifications';
import { releaseAccountProcess } from '@/db/queries/subjects';
import { enterpriseTransition } from '@/lib/domain/verification/enterprise-machine';
import { personalTransition } from '@/lib/domain/verification/personal-machine';
import { AppError } from '@/lib/errors';
import { CHANGE_UUID, lockOwnChangeRequest, moveChangeRequest } from './change-request-steps';
import type { ServiceContext } from './context';
import { emitWebhookEvent } from './emit-webhook-event';
import { moveEnterprise } from './enterprise-verification-steps';
import { leaveBankMethodInTx } from './leave-bank-method';
import { notifyAccount } from './notify-account';
import { movePersonal } from './personal-verification-steps';

/**
 * 撤销 (R-CHG-3), at any step until completion: closes what the request opened — its
 * linked verification (a running recharge through leaveBankMethodInTx; an approved
 * payout cannot be left and refuses the 撤销 with STEP_NOT_ALLOWED), and its face session,
 * whose late result is then ignored because the request is no longer waiting for it —
 * frees the account's process and tells the owner. The old subject was never touched
 * (R-CHG-2), so the account is exactly as before.
 */
export async function cancelSubjectChange(ctx: ServiceContext, accountId: string, changeId: string): Promise<void> {
  const now = await ctx.clock.now();
  const seen = CHANGE_UUID.test(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!seen) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    // Lock order as in every completion: the linked verification first, then the request.
    const personal = seen.personalVerificationId ? await lockPersonalVerification(tx, accountId, seen.personalVerificationId) : undefined;
    const enterprise = seen.enterpriseVerificationId ? await lockEnterpriseVerification(tx, accountId, seen.enterpriseVerificationId) : undefined;
    const row = await lockOwnChangeRequest(tx, accountId, changeId);
    if (row.state === 'cancelled') return; // a double click
    if (row.personalVerificationId !== seen.personalVerificationId || row.enterpriseVerificationId !== seen.enterpriseVerificationId) throw new AppError('CONFLICT');

    await moveChangeRequest(tx, row, 'cancel', now, { completedAt: now });
    if (personal && personalTransition(personal.state, 'cancel')) await movePersonal(tx, personal, 'cancel', now, { completedAt: now });
    if (enterprise && enterpriseTransition(enterprise.state, 'cancel')) {
      await leaveBankMethodInTx(tx, enterprise, now);
      await moveEnterprise(tx, enterprise, 'cancel', now, { completedAt: now });
    }
    await releaseAccountProcess(tx, accountId, row.id);
    await notifyAccount(tx, accountId, { kind: 'change_cancelled' }, now);
    await emitWebhookEvent(tx, accountId, 'change.cancelled', { changeRequestId: row.id, type: row.type, state: row.state }, now);
  });
}
