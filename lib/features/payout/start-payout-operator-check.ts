import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { latestPayoutOfEnterprise, lockPayoutOfAccount, updatePayoutVerification } from '@/db/queries/payouts';
import { AppError } from '@/lib/errors';
import type { PayoutOperatorInput } from '@/lib/schemas/payout';
import { encryptField } from '@/lib/security/crypto';
import { isUuid } from '@/lib/schemas/uuid';
import type { ChannelSessionView } from '@/lib/features/channels';
import { openChannelSession } from '@/lib/features/channels';
import { PAYOUT_OPERATOR_ID_CONTEXT } from '@/db/schema';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * R-E-PAY 2, 经办人身份核验: 经办人姓名 + 经办人身份证, then a face session of that
 * person (purpose payout_operator, reference the payout's id). The operator typed is
 * stored with the session, in the transaction that links it; a result is applied by
 * applyPayoutOperatorResult. A new name or number opens a new session (the old one's
 * result is then ignored); a double submit shares the session.
 */
export async function startPayoutOperatorCheck(
  ctx: ChannelServiceContext,
  accountId: string,
  input: PayoutOperatorInput & { verificationId: string },
): Promise<ChannelSessionView> {
  const enterprise = isUuid(input.verificationId) ? await findEnterpriseVerification(ctx.db, accountId, input.verificationId) : undefined;
  if (!enterprise) throw new AppError('NOT_FOUND');
  const payout = await latestPayoutOfEnterprise(ctx.db, enterprise.id);
  if (!payout || payout.state !== 'operator_check') throw new AppError('STEP_NOT_ALLOWED');
  const now = await ctx.clock.now();
  // SECURITY 17: the operator's face is face data too; a new code for the same run does not ask again.
  await ctx.db.transaction((tx) => requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `payout_verification:${payout.id}`, given: input.consent }, now));

  return openChannelSession(ctx, {
    channel: 'face',
    reference: payout.id,
    expectedName: input.operatorName,
    idNumber: input.operatorIdNumber,
    purpose: 'payout_operator',
    accountId,
    currentSession: async (tx) => (await latestPayoutOfEnterprise(tx, enterprise.id))?.operatorSessionId ?? null,
    onOpened: async (tx, opened, at) => {
      const current = await lockPayoutOfAccount(tx, accountId, payout.id);
      if (!current || current.state !== 'operator_check') throw new AppError('STEP_NOT_ALLOWED');
      const updated = await updatePayoutVerification(tx, current, {
        operatorName: input.operatorName,
        operatorIdNumberEnc: encryptField(input.operatorIdNumber, PAYOUT_OPERATOR_ID_CONTEXT),
        operatorSessionId: opened.id,
        failureCode: null,
        updatedAt: at,
      });
      if (!updated) throw new AppError('CONFLICT');
    },
  });
}
