import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { latestPayoutOfEnterprise, lockPayoutOfAccount } from '@/db/queries/payouts';
import { divisionName } from '@/lib/geo/divisions';
import { AppError } from '@/lib/errors';
import type { PayoutBankInput } from '@/lib/schemas/payout';
import { encryptField } from '@/lib/security/crypto';
import { payoutReviewItems } from './apply-payout-operator-result';
import type { ServiceContext } from '../context';
import { isUuid } from '@/lib/schemas/uuid';
import { openReviewCaseInTx } from '@/lib/features/review';
import { movePayout } from './payout-verification-steps';
import { PAYOUT_BANK_ACCOUNT_CONTEXT } from '@/db/schema';

/**
 * R-E-PAY 4, after 打款失败: the user corrects the bank details and resubmits. The
 * approved case stays as decided; a new review case judges the corrected materials
 * (the operator check already passed), and the run waits for it (under_review). The
 * next approval draws a new amount for a new payout attempt.
 */
export async function resubmitPayoutBankDetails(ctx: ServiceContext, accountId: string, input: PayoutBankInput & { verificationId: string }) {
  const now = await ctx.clock.now();
  const enterprise = isUuid(input.verificationId) ? await findEnterpriseVerification(ctx.db, accountId, input.verificationId) : undefined;
  if (!enterprise) throw new AppError('NOT_FOUND');
  const latest = await latestPayoutOfEnterprise(ctx.db, enterprise.id);
  if (!latest || latest.state !== 'payout_failed') throw new AppError('STEP_NOT_ALLOWED');
  if (!divisionName(input.bankProvince) || !divisionName(input.bankCity)) throw new AppError('INVALID_INPUT', { field: 'bankCity', reason: { code: 'enterprise.bank.regionRequired' } });

  return ctx.db.transaction(async (tx) => {
    const row = await lockPayoutOfAccount(tx, accountId, latest.id);
    if (!row || row.state !== 'payout_failed') throw new AppError('STEP_NOT_ALLOWED');
    const corrected = {
      ...row,
      bankAccountEnc: encryptField(input.bankAccount, PAYOUT_BANK_ACCOUNT_CONTEXT),
      bankName: input.bankName,
      bankProvince: input.bankProvince,
      bankCity: input.bankCity,
      bankBranch: input.bankBranch,
    };
    const opened = await openReviewCaseInTx(
      tx,
      { accountId, kind: 'payout_materials', processId: row.id, items: payoutReviewItems(corrected), registryAnswer: row.registryAnswer },
      now,
    );
    await movePayout(tx, row, 'resubmit', now, {
      bankAccountEnc: corrected.bankAccountEnc,
      bankName: corrected.bankName,
      bankProvince: corrected.bankProvince,
      bankCity: corrected.bankCity,
      bankBranch: corrected.bankBranch,
      reviewCaseId: opened.id,
      submittedAt: now,
      approvedAt: null,
      amountFen: null,
      bankPayoutId: null,
      payoutRequestedAt: null,
      expectedArrivalAt: null,
      failureCode: null,
    });
    return { reviewCaseId: opened.id };
  });
}
